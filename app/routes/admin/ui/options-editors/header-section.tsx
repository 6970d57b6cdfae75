/** Options input of `header_section`: the title level. */
import type { HeaderSectionEditorValues } from "../../../../../server/domain/demarches/options-editors/header-section";
import { useT } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { SelectField } from "../../../../components/dsfr/fields";

export function HeaderSectionOptions({ id, values, error }: OptionsFieldsProps<HeaderSectionEditorValues>) {
  const t = useT();
  return (
    <SelectField
      id={`${id}-level`}
      name="level"
      label={t("admin.champEditor.fields.level")}
      defaultValue={values.level}
      error={error("level")}
    >
      {(["1", "2", "3"] as const).map((level) => (
        <option key={level} value={level}>
          {t(`admin.champEditor.levels.${level}`)}
        </option>
      ))}
    </SelectField>
  );
}
