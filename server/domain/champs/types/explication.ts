/**
 * `explication` (« Explication »): text shown to the usager, with no value. The libellé and the
 * description are shown as for any field; an optional longer text can be folded under a
 * « Lire plus » disclosure (the reference's `collapsible_explanation_*` options).
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { fileRefSchema } from "../../files/file-ref";
import { normalizeMultiline } from "../input";
import { collapsibleText } from "./plain";

export { collapsibleText };

/** Long enough for a few paragraphs; the description holds the rest. */
export const EXPLICATION_TEXT_MAX_LENGTH = 10_000;

export const explicationOptionsSchema = z.object({
  /** Shows `collapsibleExplanationText` in a disclosure under the description. */
  collapsibleExplanationEnabled: z.boolean().default(false),
  /** Plain text; line breaks are kept. */
  collapsibleExplanationText: z
    .string()
    .transform(normalizeMultiline)
    .pipe(z.string().max(EXPLICATION_TEXT_MAX_LENGTH))
    .optional(),
  /**
   * The notice to download (`notice_explicative`). Never stored in `options`: read from the
   * attachments table when the form is loaded (server/db/file-templates.ts).
   */
  notice: fileRefSchema.optional(),
});
export type ExplicationOptions = z.infer<typeof explicationOptionsSchema>;

export const explication: TypeDeChampDefinition<ExplicationOptions, never, "explication"> = {
  type: "explication",
  category: "structure",
  hasValue: false,
  optionsSchema: explicationOptionsSchema,
  defaultOptions: () => ({ collapsibleExplanationEnabled: false }),
  valueSchema: z.never(),

  parseFormInput: () => null,
  validateForSubmit: () => null,
  isBlank: () => true,
  displayValue: () => "",
  stringValue: () => null,

  graphqlTypename: "ExplicationChamp",
  graphqlDescriptorTypename: "ExplicationChampDescriptor",
  // Only the time to read the description counts (added by the estimate).
  estimatedFillDuration: FILL_DURATION.none,

  prefill: () => null,

  prefillFormat: null,
  conditionValueType: "unmanaged",
  casts: {},
  sampleFormInput: () => "",
};
