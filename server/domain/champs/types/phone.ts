/**
 * `phone` (« Téléphone »). Stored normalised, without separators:
 * - French numbers (metropolitan and overseas: 01–09, 0262/0269/0590/0594/0596/0639/0692…) as the
 *   ten-digit national form `0612345678`, whether typed `06 12 34 56 78`, `06.12.34.56.78`,
 *   `+33 6 12 34 56 78`, `0033…`, or with an overseas prefix (`+262 692 12 34 56`);
 * - other numbers in international form `+<country code><number>` (4 to 15 digits, E.164).
 * Displayed French numbers are grouped by two (`06 12 34 56 78`). Drafts keep unrecognised text.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const phoneOptionsSchema = z.object({});
export type PhoneOptions = z.infer<typeof phoneOptionsSchema>;

const FRENCH = /^0[1-9]\d{8}$/;
const INTERNATIONAL = /^\+[1-9]\d{3,14}$/;
/** Country codes whose numbers use the French ten-digit national plan (metropole and DROM). */
const FRENCH_PLAN_CODES = ["33", "262", "269", "590", "594", "596"];

export function isValidPhone(value: string): boolean {
  return FRENCH.test(value) || INTERNATIONAL.test(value);
}

/** The stored form of a phone number, or null when the text is not one. */
export function normalizePhone(text: string): string | null {
  let compact = text.replace(/[\s\u00A0\u202F.\-/()]/g, "");
  if (compact.startsWith("00")) compact = `+${compact.slice(2)}`;
  if (FRENCH.test(compact)) return compact;
  if (!INTERNATIONAL.test(compact)) return null;
  // `+33 (0)6…` is a common spelling: drop the national 0 after the country code.
  for (const code of FRENCH_PLAN_CODES) {
    if (!compact.startsWith(`+${code}`)) continue;
    const national = compact.slice(code.length + 1).replace(/^0/, "");
    // +33 6…, +262 692…, +590 690…: nine digits after the code, i.e. the national number without 0.
    if (/^[1-9]\d{8}$/.test(national)) return `0${national}`;
  }
  return compact;
}

function formatPhone(value: string): string {
  return FRENCH.test(value) ? (value.match(/\d{2}/g) ?? []).join(" ") : value;
}

export const phone: TypeDeChampDefinition<PhoneOptions, string, "phone"> = {
  type: "phone",
  category: "etat_civil",
  hasValue: true,
  optionsSchema: phoneOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : (normalizePhone(line) ?? line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return isValidPhone(value) ? null : champError("invalid_phone", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => (value === null ? "" : formatPhone(value)),
  stringValue: (value) => (isBlankString(value) ? null : value),

  // The reference serves phone numbers as TextChamp; only the descriptor has its own type.
  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "PhoneChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: `0612345678`; international numbers with "+". Anything else is dropped.
  prefill: (raw) => {
    const text = typeof raw === "number" ? null : prefillText(raw);
    return text === null ? null : normalizePhone(normalizeLine(text));
  },

  prefillFormat: examplePrefill("0612345678"),
  conditionValueType: "unmanaged",
  casts: TEXT_CASTS,
  sampleFormInput: () => "06 12 34 56 78",
};
