/**
 * Options editor of `integer_number` and `decimal_number`: positive only, minimum and maximum,
 * typed as the usager would type the number (spaces and the French comma accepted).
 */
import { decimalNumber, isValidDecimal } from "../../champs/types/decimal_number";
import { integerNumber, isValidInteger } from "../../champs/types/integer_number";
import { type ChampOptionsEditor, fail, formChecked, formText, type OptionsResult } from "./contract";

export type NumberRulesEditorValues = { positiveNumber: boolean; minNumber: string; maxNumber: string };

function numberRulesEditor(kind: "integer" | "decimal"): ChampOptionsEditor<NumberRulesEditorValues> {
  // The type's own reading of what is typed ("1 000", "2,5"), then its own validity rule.
  const parse = (raw: string): number | null | undefined => {
    const normalized = kind === "integer" ? integerNumber.parseFormInput(raw, {}) : decimalNumber.parseFormInput(raw, {});
    if (normalized === null) return undefined;
    const valid = kind === "integer" ? isValidInteger(normalized) : isValidDecimal(normalized);
    return valid ? Number(normalized) : null;
  };
  const shown = (value: unknown) =>
    typeof value === "number" ? (kind === "decimal" ? String(value).replace(".", ",") : String(value)) : "";
  return {
    fromOptions: (options) => ({
      positiveNumber: options.positiveNumber === true,
      minNumber: shown(options.minNumber),
      maxNumber: shown(options.maxNumber),
    }),
    fromForm: (form) => ({
      positiveNumber: formChecked(form, "positiveNumber"),
      minNumber: formText(form, "minNumber"),
      maxNumber: formText(form, "maxNumber"),
    }),
    toOptions: (values): OptionsResult => {
      const min = parse(values.minNumber);
      if (min === null) return fail("minNumber", kind === "integer" ? "integer_invalid" : "decimal_invalid");
      const max = parse(values.maxNumber);
      if (max === null) return fail("maxNumber", kind === "integer" ? "integer_invalid" : "decimal_invalid");
      if (min !== undefined && max !== undefined && min > max) return fail("minNumber", "number_min_over_max");
      const options: Record<string, unknown> = {};
      if (values.positiveNumber) options.positiveNumber = true;
      if (min !== undefined) options.minNumber = min;
      if (max !== undefined) options.maxNumber = max;
      return { ok: true, options };
    },
  };
}

export const integerNumberEditor = numberRulesEditor("integer");
export const decimalNumberEditor = numberRulesEditor("decimal");
