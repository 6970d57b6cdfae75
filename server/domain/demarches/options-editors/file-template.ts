/**
 * The model/notice file of a field (server/db/file-templates.ts) as editor values: it has its own
 * form (server/http/uploads/template-endpoints.ts) and is never an option the card saves, but the
 * card shows it, so the editors of `piece_justificative` and `explication` carry it in their values.
 */
import { fileRefSchema } from "../../files/file-ref";

export type FileTemplateEditorValues = {
  /** The current file ("" when none): id, name and size, for display only. */
  templateId: string;
  templateFilename: string;
  templateByteSize: string;
};

export const NO_FILE_TEMPLATE: FileTemplateEditorValues = { templateId: "", templateFilename: "", templateByteSize: "" };

export function fileTemplateEditorValues(raw: unknown): FileTemplateEditorValues {
  const file = fileRefSchema.safeParse(raw);
  return file.success
    ? { templateId: file.data.id, templateFilename: file.data.filename, templateByteSize: String(file.data.byteSize) }
    : NO_FILE_TEMPLATE;
}
