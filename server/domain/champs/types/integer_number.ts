/**
 * `integer_number` (« Nombre entier »). Stored as a string, as the reference does: drafts keep
 * exactly what was typed ("12a" stays so the user can fix it) and big integers lose no digit.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill, sameString } from "../facets";
import { champError } from "../errors";
import { isBlankString, requiredError, singleLine } from "../input";
import { numberRulesError, numberRulesSchema } from "./number-rules";

export const integerNumberOptionsSchema = numberRulesSchema(
  z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
);
export type IntegerNumberOptions = z.infer<typeof integerNumberOptionsSchema>;

const INTEGER = /^-?\d+$/;
// JavaScript clients of the API read numbers as doubles: beyond this they would silently round.
const MAX_ABS = BigInt(Number.MAX_SAFE_INTEGER);

/** True for "-12", "0", "007"; false for "1.5", "12a", "+3" or anything beyond ±(2^53 − 1). */
export function isValidInteger(value: string): boolean {
  if (!INTEGER.test(value)) return false;
  const n = BigInt(value);
  return n <= MAX_ABS && n >= -MAX_ABS;
}

// In a number, spaces (including the no-break ones French formatting inserts) separate digit
// groups and "−" is a minus: "1 000" means 1000. Text that is not a number keeps its spaces
// ("12 ans" stays as typed) so the draft loses nothing.
function normalizeNumber(text: string): string {
  const compact = text.replace(/[\s\u00A0\u202F]/g, "").replace(/\u2212/g, "-");
  return INTEGER.test(compact) ? compact : text.trim();
}

const FORMATS = { fr: new Intl.NumberFormat("fr-FR"), en: new Intl.NumberFormat("en-GB") } as const;

export const integerNumber: TypeDeChampDefinition<IntegerNumberOptions, string, "integer_number"> = {
  type: "integer_number",
  category: "standard",
  hasValue: true,
  optionsSchema: integerNumberOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : normalizeNumber(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    if (!isValidInteger(value)) return champError("invalid_integer", descriptor);
    const n = BigInt(value);
    return numberRulesError((bound) => (n < BigInt(bound) ? -1 : n > BigInt(bound) ? 1 : 0), descriptor);
  },

  isBlank: isBlankString,

  // A draft value that is not an integer is shown as typed rather than hidden.
  displayValue: (value, _options, locale) => {
    if (value === null) return "";
    return isValidInteger(value) ? FORMATS[locale].format(BigInt(value)) : value;
  },
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "IntegerNumberChamp",
  graphqlDescriptorTypename: "IntegerNumberChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: `42` (JSON number) or "42"; anything else is dropped.
  prefill: (raw) => {
    if (typeof raw === "number") return Number.isSafeInteger(raw) ? String(raw) : null;
    if (typeof raw !== "string") return null;
    const value = normalizeNumber(raw);
    return isValidInteger(value) ? value : null;
  },

  prefillFormat: examplePrefill("42"),
  conditionValueType: "number",
  casts: { decimal_number: sameString, ...TEXT_CASTS },
  sampleFormInput: () => "42",
};
