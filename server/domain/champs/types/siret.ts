/**
 * `siret` (« Numéro SIRET »): 14 digits stored without spaces, checked with the Luhn key (and La
 * Poste's exception, whose establishments share SIREN 356 000 000 and use a digit sum multiple
 * of 5). Displayed `SIREN NIC` grouped as « 123 456 789 00012 ». The establishment lookup (API
 * Entreprise) is not done yet.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const siretOptionsSchema = z.object({});
export type SiretOptions = z.infer<typeof siretOptionsSchema>;

const LA_POSTE_SIREN = "356000000";

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== "35600000000048") {
    return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  return luhn(value);
}

/** Spaces, dots and dashes removed when what remains is digits; other text is kept as typed. */
export function normalizeSiret(text: string): string {
  const compact = text.replace(/[\s\u00A0\u202F.-]/g, "");
  return /^\d+$/.test(compact) ? compact : text;
}

function formatSiret(value: string): string {
  return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6, 9)} ${value.slice(9)}`;
}

export const siret: TypeDeChampDefinition<SiretOptions, string, "siret"> = {
  type: "siret",
  category: "paiement_identification",
  hasValue: true,
  optionsSchema: siretOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : normalizeSiret(line);
  },

  // As the reference: a mandatory SIRET must be a valid one, an optional one valid when given.
  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return isValidSiret(value) ? null : champError("invalid_siret", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => (value === null ? "" : isValidSiret(value) ? formatSiret(value) : value),
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "SiretChamp",
  graphqlDescriptorTypename: "SiretChampDescriptor",
  estimatedFillDuration: FILL_DURATION.medium,

  // Reference format: a string, spaces allowed; an invalid SIRET is dropped.
  prefill: (raw) => {
    const text = typeof raw === "number" ? null : prefillText(raw);
    if (text === null) return null;
    const value = normalizeSiret(normalizeLine(text));
    return isValidSiret(value) ? value : null;
  },

  prefillFormat: examplePrefill("13002526500013"),
  conditionValueType: "unmanaged",
  casts: TEXT_CASTS,
  sampleFormInput: () => "732 829 320 00074",
};
