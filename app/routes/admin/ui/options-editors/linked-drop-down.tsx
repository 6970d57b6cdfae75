/** Options inputs of `linked_drop_down_list`: the option tree in the `--Primary--` syntax, and the second menu's texts. */
import type { LinkedDropDownEditorValues } from "../../../../../server/domain/demarches/options-editors/linked-drop-down";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { InputField, TextareaField } from "../../../../components/dsfr/fields";

export function LinkedDropDownListOptions({ id, values, error }: OptionsFieldsProps<LinkedDropDownEditorValues>) {
  const t = useT();
  return (
    <>
      <TextareaField
        id={`${id}-linkedOptions`}
        name="linkedOptions"
        label={t("admin.champOptions.linked.options")}
        hint={t("admin.champOptions.linked.optionsHint")}
        required
        rows={8}
        defaultValue={values.linkedOptions}
        error={error("linkedOptions")}
      />
      <InputField
        id={`${id}-secondaryLibelle`}
        name="secondaryLibelle"
        label={t("admin.champOptions.linked.secondaryLibelle")}
        hint={t("admin.champOptions.linked.secondaryLibelleHint")}
        defaultValue={values.secondaryLibelle}
        error={error("secondaryLibelle")}
      />
      <InputField
        id={`${id}-secondaryDescription`}
        name="secondaryDescription"
        label={t("admin.champOptions.linked.secondaryDescription")}
        defaultValue={values.secondaryDescription}
        error={error("secondaryDescription")}
      />
    </>
  );
}
