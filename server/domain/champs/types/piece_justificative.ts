/**
 * `piece_justificative` (« Pièce justificative »): one or several files, each up to 200 MB, of the
 * formats of the chosen families (`formatFamilies`, the reference's `pj_format_families`; none
 * chosen means every known format), with an optional model file to download.
 *
 * The value is the list of the field's files (`FileRef`). Only the upload and delete endpoints
 * write it, in the same transaction as the attachment rows (`writtenByForm: false`): a form post
 * never changes it, so a value cannot point at someone else's file.
 */
import { z } from "zod";
import { type FileRef, fileListSchema, fileRefSchema } from "../../files/file-ref";
import { FORMAT_FAMILIES, type FileFormat, pieceJustificativeAcceptedFiles } from "../../files/formats";
import { FILL_DURATION, type TypeDeChampDefinition, type TypedChampDescriptor } from "../definition";
import { type ChampError, champError } from "../errors";
import { requiredError } from "../input";

export const pieceJustificativeOptionsSchema = z.object({
  /** Accepted format families; absent or empty: every format Guichet knows. */
  formatFamilies: z.array(z.enum(FORMAT_FAMILIES)).max(FORMAT_FAMILIES.length).optional(),
  /**
   * The model file to download. Never stored in `options`: it is read from the attachments table
   * each time the form is loaded (`server/db/file-templates.ts`), so saving options cannot forge it.
   */
  template: fileRefSchema.optional(),
});
export type PieceJustificativeOptions = z.infer<typeof pieceJustificativeOptionsSchema>;

export type FileListValue = FileRef[];

/** What every file type shares: the value is a list of files that only the upload endpoints write. */
export const FILE_LIST_FACETS = {
  hasValue: true,
  writtenByForm: false,
  valueSchema: fileListSchema as z.ZodType<FileListValue>,
  // Never called (`writtenByForm: false`): a stray form input cannot become a list of files.
  parseFormInput: (): FileListValue | null => null,
  isBlank: (value: FileListValue | null) => value === null || value.length === 0,
  displayValue: (value: FileListValue | null) => (value ?? []).map((file) => file.filename).join(", "),
  files: (value: FileListValue | null): readonly FileRef[] => value ?? [],
  // The reference serves files through `files`; the string value of a file field is empty.
  stringValue: (): string | null => null,
  // The reference gives no text for files in API v2, even when some are attached.
  apiStringValue: () => null,
  estimatedFillDuration: FILL_DURATION.long,
  // Files cannot be prefilled (the reference's `prefillable?` is false for them).
  prefill: (): FileListValue | null => null,
  prefillFormat: null,
  conditionValueType: "unmanaged",
  casts: {},
  // Files come from uploads, never from a form value.
  sampleFormInput: () => "",
} as const;

/**
 * Submission check of a file field: mandatory means at least one file, and every file must still be
 * of an accepted format (the administrateur may have narrowed the families since the upload).
 */
export function validateFileList<O>(
  value: FileListValue | null,
  descriptor: TypedChampDescriptor<O>,
  formats: readonly FileFormat[],
): ChampError | null {
  const files = value ?? [];
  if (files.length === 0) return requiredError(true, descriptor);
  const mimes = new Set(formats.map((format) => format.mime));
  const wrong = files.find((file) => !mimes.has(file.contentType));
  return wrong ? champError("file_format_not_accepted", descriptor, { filename: wrong.filename }) : null;
}

export { pieceJustificativeAcceptedFiles };

export const pieceJustificative: TypeDeChampDefinition<PieceJustificativeOptions, FileListValue, "piece_justificative"> = {
  type: "piece_justificative",
  category: "standard",
  optionsSchema: pieceJustificativeOptionsSchema,
  defaultOptions: () => ({}),
  ...FILE_LIST_FACETS,
  validateForSubmit: (value, descriptor) =>
    validateFileList(value, descriptor, pieceJustificativeAcceptedFiles(descriptor.options).formats),
  graphqlTypename: "PieceJustificativeChamp",
  graphqlDescriptorTypename: "PieceJustificativeChampDescriptor",
};
