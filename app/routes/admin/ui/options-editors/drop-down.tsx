/** Options inputs of the drop-down types: one option per line, and "Autre" for `drop_down_list`. */
import type {
  DropDownEditorValues,
  MultipleDropDownEditorValues,
} from "../../../../../server/domain/demarches/options-editors/drop-down";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { CheckboxField, TextareaField } from "../../../../components/dsfr/fields";

function OptionLines({ id, values, error }: OptionsFieldsProps<MultipleDropDownEditorValues>) {
  const t = useT();
  return (
    <TextareaField
      id={`${id}-options`}
      name="dropDownOptions"
      label={t("admin.champEditor.fields.options")}
      hint={t("admin.champEditor.hints.options")}
      required
      rows={6}
      defaultValue={values.dropDownOptions}
      error={error("options")}
    />
  );
}

export function MultipleDropDownListOptions(props: OptionsFieldsProps<MultipleDropDownEditorValues>) {
  return <OptionLines {...props} />;
}

export function DropDownListOptions(props: OptionsFieldsProps<DropDownEditorValues>) {
  const t = useT();
  return (
    <>
      <OptionLines {...props} />
      <CheckboxField
        id={`${props.id}-other`}
        name="dropDownOther"
        label={t("admin.champEditor.fields.other")}
        hint={t("admin.champEditor.hints.other")}
        defaultChecked={props.values.dropDownOther}
        className="fr-mb-3w"
      />
    </>
  );
}
