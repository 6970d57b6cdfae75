/** Options input of `textarea`: the character limit, among the reference's choices. */
import {
  CHARACTER_LIMIT_CHOICES,
  type TextareaEditorValues,
} from "../../../../../server/domain/demarches/options-editors/textarea";
import { useT, useTn } from "../../../../lib/i18n";
import type { OptionsFieldsProps } from "../champ-options-editor";
import { SelectField } from "../../../../components/dsfr/fields";
import { useFormatNumber } from "../layout";

export function TextareaOptions({ id, values, error }: OptionsFieldsProps<TextareaEditorValues>) {
  const t = useT();
  const tn = useTn();
  const formatNumber = useFormatNumber();
  // A limit stored outside the usual choices (older form, API) stays selectable.
  const current = /^\d+$/.test(values.characterLimit) ? [Number(values.characterLimit)] : [];
  const limits = [...new Set([...CHARACTER_LIMIT_CHOICES, ...current])].sort((a, b) => a - b);
  return (
    <SelectField
      id={`${id}-characterLimit`}
      name="characterLimit"
      label={t("admin.champEditor.fields.characterLimit")}
      hint={t("admin.champEditor.hints.characterLimit")}
      defaultValue={values.characterLimit}
      error={error("characterLimit")}
    >
      <option value="">{t("admin.champEditor.noCharacterLimit")}</option>
      {limits.map((limit) => (
        <option key={limit} value={String(limit)}>
          {tn("admin.champEditor.characters", limit, { count: formatNumber(limit) })}
        </option>
      ))}
    </SelectField>
  );
}
