/** Options inputs of `explication`: the text folded under « Lire plus ». */
import type { ExplicationEditorValues } from "../../../../../server/domain/demarches/options-editors/explication";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { CheckboxField, TextareaField } from "../../../../components/dsfr/fields";

export function ExplicationOptions({ id, values, error }: OptionsFieldsProps<ExplicationEditorValues>) {
  const t = useT();
  return (
    <>
      <CheckboxField
        id={`${id}-collapsibleEnabled`}
        name="collapsibleEnabled"
        label={t("admin.champOptions.explication.enabled")}
        hint={t("admin.champOptions.explication.enabledHint")}
        defaultChecked={values.collapsibleEnabled}
        className="fr-mb-2w"
      />
      <TextareaField
        id={`${id}-collapsibleText`}
        name="collapsibleText"
        label={t("admin.champOptions.explication.text")}
        rows={5}
        defaultValue={values.collapsibleText}
        error={error("collapsibleText")}
      />
    </>
  );
}
