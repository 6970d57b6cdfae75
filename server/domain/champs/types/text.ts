/** `text` (« Texte court »): one line of free text. */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill, sameString } from "../facets";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const textOptionsSchema = z.object({});
export type TextOptions = z.infer<typeof textOptionsSchema>;

export const text: TypeDeChampDefinition<TextOptions, string, "text"> = {
  type: "text",
  category: "standard",
  hasValue: true,
  optionsSchema: textOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => singleLine(raw),

  validateForSubmit: (value, descriptor) => requiredError(isBlankString(value), descriptor),

  isBlank: isBlankString,
  displayValue: (value) => value ?? "",
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "TextChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  prefill: (raw) => {
    const value = prefillText(raw);
    if (value === null) return null;
    const line = normalizeLine(value);
    return line === "" ? null : line;
  },

  prefillFormat: examplePrefill((_, words) => words("text")),
  conditionValueType: "unmanaged",
  casts: { textarea: sameString },
  sampleFormInput: () => "Rénovation de la salle des fêtes",
};
