/** `textarea` (« Texte long »): multi-line free text with an optional character limit. */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill, sameString } from "../facets";
import { champError } from "../errors";
import { characterCount, isBlankString, normalizeMultiline, prefillText, requiredError } from "../input";

/** The reference's editor offers limits from 400 to 10 000 characters (or none). */
export const TEXTAREA_CHARACTER_LIMIT = { min: 400, max: 10_000 } as const;

export const textareaOptionsSchema = z.object({
  characterLimit: z.number().int().min(TEXTAREA_CHARACTER_LIMIT.min).max(TEXTAREA_CHARACTER_LIMIT.max).optional(),
});
export type TextareaOptions = z.infer<typeof textareaOptionsSchema>;

function parseMultiline(raw: string[]): string | null {
  for (const value of raw) {
    const text = normalizeMultiline(value);
    if (text !== "") return text;
  }
  return null;
}

export const textarea: TypeDeChampDefinition<TextareaOptions, string, "textarea"> = {
  type: "textarea",
  category: "standard",
  hasValue: true,
  optionsSchema: textareaOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  // Over-limit text is kept in drafts: the user shortens it before submitting.
  parseFormInput: (raw) => parseMultiline(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]),

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    const max = descriptor.options.characterLimit;
    if (max !== undefined && characterCount(value) > max) return champError("too_long", descriptor, { max });
    return null;
  },

  isBlank: isBlankString,
  displayValue: (value) => value ?? "",
  stringValue: (value) => (isBlankString(value) ? null : value),

  // The reference serves textarea values as TextChamp; only the descriptor has its own type.
  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "TextareaChampDescriptor",
  estimatedFillDuration: FILL_DURATION.medium,

  prefill: (raw) => {
    const value = prefillText(raw);
    return value === null ? null : parseMultiline([value]);
  },

  prefillFormat: examplePrefill((_, words) => words("textarea")),
  conditionValueType: "unmanaged",
  casts: { text: sameString },
  sampleFormInput: () => "Le projet consiste à rénover la salle.\nDébut des travaux au printemps.",
};
