/**
 * `dossier_link` (« Lien vers un autre dossier »): the number of another dossier. Stored as the
 * digits typed (a string, like the reference's value), e.g. "1234".
 *
 * This module only checks the shape (a positive integer). Whether that dossier exists and has been
 * submitted needs the database: the submission operation calls `findLinkableDossier`
 * (`server/lookups/linked-dossiers.ts`) for every non-blank value and reports `dossier_not_found`.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, prefillText, requiredError, singleLine } from "../input";
import { DOSSIER_NUMBER_MAX, dossierNumberOf } from "./plain";

export { DOSSIER_NUMBER_MAX, dossierNumberOf };

export const dossierLinkOptionsSchema = z.object({});
export type DossierLinkOptions = z.infer<typeof dossierLinkOptionsSchema>;

export const dossierLink: TypeDeChampDefinition<DossierLinkOptions, string, "dossier_link"> = {
  type: "dossier_link",
  category: "structure",
  hasValue: true,
  optionsSchema: dossierLinkOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  // A recognisable number is stored as its digits; anything else is kept as typed for the usager to fix.
  parseFormInput: (raw) => {
    const line = singleLine(raw);
    if (line === null) return null;
    const number = dossierNumberOf(line);
    return number === null ? line : String(number);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return dossierNumberOf(value) === null ? champError("invalid_dossier_number", descriptor) : null;
  },

  isBlank: isBlankString,
  displayValue: (value) => {
    const number = dossierNumberOf(value);
    return number === null ? (value ?? "") : String(number);
  },
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "DossierLinkChamp",
  graphqlDescriptorTypename: "DossierLinkChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: an integer (JSON number or digits); anything else is dropped.
  prefill: (raw) => {
    if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 1 && raw <= DOSSIER_NUMBER_MAX ? String(raw) : null;
    const text = prefillText(raw);
    if (text === null || !/^\s*\d+\s*$/.test(text)) return null;
    const number = dossierNumberOf(text);
    return number === null ? null : String(number);
  },

  prefillFormat: examplePrefill("42"),
  conditionValueType: "unmanaged",
  casts: {},
  // A dossier number must name an existing submitted dossier: tests give one when they need it.
  sampleFormInput: () => "",
};
