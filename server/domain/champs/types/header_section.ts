/** `header_section` (« Titre de section »): layout only; it has no value and is never validated. */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";

export const headerSectionOptionsSchema = z.object({
  /** Heading level 1–3 (the reference's `header_section_level`); 1 is the top level of the form. */
  level: z.number().int().min(1).max(3).default(1),
});
export type HeaderSectionOptions = z.infer<typeof headerSectionOptionsSchema>;

export const headerSection: TypeDeChampDefinition<HeaderSectionOptions, never, "header_section"> = {
  type: "header_section",
  category: "structure",
  hasValue: false,
  optionsSchema: headerSectionOptionsSchema,
  defaultOptions: () => ({ level: 1 }),
  valueSchema: z.never(),

  parseFormInput: () => null,
  validateForSubmit: () => null,
  isBlank: () => true,
  displayValue: () => "",
  stringValue: () => null,

  graphqlTypename: "HeaderSectionChamp",
  graphqlDescriptorTypename: "HeaderSectionChampDescriptor",
  estimatedFillDuration: FILL_DURATION.none,

  prefill: () => null,

  prefillFormat: null,
  conditionValueType: "unmanaged",
  casts: {},
  sampleFormInput: () => "",
};
