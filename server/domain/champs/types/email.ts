/**
 * `email` (« Adresse électronique »): one address, trimmed. Submission applies the reference's
 * strict rule: a local part, an "@", a domain with a TLD, 6 to 255 characters, no spaces.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS, examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const emailOptionsSchema = z.object({});
export type EmailOptions = z.infer<typeof emailOptionsSchema>;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\u00C0-\u024F-]+@[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]*[A-Za-z0-9\u00C0-\u024F])?(?:\.[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F-]*[A-Za-z0-9\u00C0-\u024F])?)*\.[A-Za-z\u00C0-\u024F]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length >= 6 && value.length <= 255 && EMAIL.test(value) && !value.includes("..");
}

// Spaces typed around the "@" or pasted from a document are never part of an address.
function normalizeEmail(line: string): string {
  const compact = line.replace(/\s+/g, "");
  return isValidEmail(compact) ? compact : line;
}

export const email: TypeDeChampDefinition<EmailOptions, string, "email"> = {
  type: "email",
  category: "etat_civil",
  hasValue: true,
  optionsSchema: emailOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : normalizeEmail(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return isValidEmail(value) ? null : champError("invalid_email", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => value ?? "",
  stringValue: (value) => (isBlankString(value) ? null : value),

  // The reference serves e-mails as TextChamp; only the descriptor has its own type.
  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "EmailChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: `adresse@mail.com`; an invalid address is dropped.
  prefill: (raw) => {
    const text = prefillText(raw);
    if (text === null) return null;
    const value = normalizeEmail(normalizeLine(text));
    return isValidEmail(value) ? value : null;
  },

  prefillFormat: examplePrefill("adresse@mail.com"),
  conditionValueType: "unmanaged",
  casts: TEXT_CASTS,
  sampleFormInput: () => "camille.dupont@example.fr",
};
