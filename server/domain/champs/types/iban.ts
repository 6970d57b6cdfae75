/**
 * `iban` (« IBAN »): stored without spaces in capitals (`FR7630006000011234567890189`), displayed
 * in groups of four. Submission checks the structure and the ISO 13616 checksum (mod 97 = 1).
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const ibanOptionsSchema = z.object({});
export type IbanOptions = z.infer<typeof ibanOptionsSchema>;

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** Country code, check digits and BBAN, with a valid mod-97 checksum. */
export function isValidIban(value: string): boolean {
  if (!IBAN.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** Spaces and dashes removed, capitals; text that is not IBAN-like is kept as typed. */
export function normalizeIban(text: string): string {
  const compact = text.replace(/[\s\u00A0\u202F-]/g, "").toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) ? compact : text;
}

function formatIban(value: string): string {
  return (value.match(/.{1,4}/g) ?? []).join(" ");
}

export const iban: TypeDeChampDefinition<IbanOptions, string, "iban"> = {
  type: "iban",
  category: "paiement_identification",
  hasValue: true,
  optionsSchema: ibanOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : normalizeIban(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return isValidIban(value) ? null : champError("invalid_iban", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => (value === null ? "" : isValidIban(value) ? formatIban(value) : value),
  // The reference's API serves the IBAN without spaces.
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "IbanChampDescriptor",
  estimatedFillDuration: FILL_DURATION.medium,

  // Reference format: `FR76…` (spaces allowed); an invalid IBAN is dropped.
  prefill: (raw) => {
    const text = prefillText(raw);
    if (text === null) return null;
    const value = normalizeIban(normalizeLine(text));
    return isValidIban(value) ? value : null;
  },

  prefillFormat: examplePrefill("FR7630006000011234567890189"),
  conditionValueType: "unmanaged",
  casts: TEXT_CASTS,
  sampleFormInput: () => "FR76 3000 6000 0112 3456 7890 189",
};
