/**
 * `decimal_number` (« Nombre décimal »). Stored as a string with a dot (`1234.5`), as the
 * reference does: spaces are removed and the French comma becomes a dot; at most 3 decimals.
 * Drafts keep text that is not a number so the user can fix it.
 */
import { z } from "zod";
import type { Locale } from "../../../../common/i18n/types";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, requiredError, singleLine } from "../input";
import { numberRulesError, numberRulesSchema } from "./number-rules";

/** A decimal that is a whole number: `12`, `12.0`, `-3.00` (group 1: the integer). */
const INTEGRAL_DECIMAL = /^(-?\d+)(\.0*)?$/;

export const decimalNumberOptionsSchema = numberRulesSchema(
  z.number().refine((n) => isValidDecimal(String(n)), { message: "invalid_decimal" }),
);
export type DecimalNumberOptions = z.infer<typeof decimalNumberOptionsSchema>;

/** The reference's rule: `^-?\d+([.,]\d{1,3})?$` (we store the dot form). */
const DECIMAL = /^-?\d+(\.\d{1,3})?$/;
// Beyond this, a double (the API's Float) no longer holds every digit.
const MAX_DIGITS = 15;

export function isValidDecimal(value: string): boolean {
  return DECIMAL.test(value) && value.replace(/\D/g, "").length <= MAX_DIGITS;
}

function normalizeDecimal(text: string): string {
  const compact = text
    .replace(/[\s\u00A0\u202F]/g, "")
    .replace(/\u2212/g, "-")
    .replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(compact) ? compact : text.trim();
}

const FORMATS = {
  fr: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 3 }),
} as const;

function formatDecimal(value: string, locale: Locale): string {
  return FORMATS[locale].format(Number(value));
}

export const decimalNumber: TypeDeChampDefinition<DecimalNumberOptions, string, "decimal_number"> = {
  type: "decimal_number",
  category: "standard",
  hasValue: true,
  optionsSchema: decimalNumberOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : normalizeDecimal(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    if (!isValidDecimal(value)) return champError("invalid_decimal", descriptor);
    const n = Number(value);
    return numberRulesError((bound) => Math.sign(n - bound), descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value, _options, locale) => {
    if (value === null) return "";
    return isValidDecimal(value) ? formatDecimal(value, locale) : value;
  },
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "DecimalNumberChamp",
  graphqlDescriptorTypename: "DecimalNumberChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: `49.3` (JSON number or string; "49,3" accepted). Anything else is dropped.
  prefill: (raw) => {
    if (typeof raw === "number") {
      if (!Number.isFinite(raw)) return null;
      const text = String(raw);
      return isValidDecimal(text) ? text : null;
    }
    if (typeof raw !== "string") return null;
    const value = normalizeDecimal(raw);
    return isValidDecimal(value) ? value : null;
  },

  prefillFormat: examplePrefill("49.3"),
  conditionValueType: "number",
  casts: {
    // 12.0 is still an integer; 12.5 is not (that value reads as empty, it is not rounded).
    integer_number: (value) => (typeof value === "string" ? INTEGRAL_DECIMAL.exec(value)?.[1] : undefined),
    ...TEXT_CASTS,
  },
  sampleFormInput: () => "1234,5",
};
