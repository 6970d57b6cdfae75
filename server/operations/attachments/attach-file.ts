/**
 * Adds an uploaded file to a file field (the usager's, or an instructeur's annotation privée: see
 * file-field-writer.ts): the attachment row and the field's new value
 * (its list of files plus this one) are written in one transaction, so a value never names a file
 * that has no row. The bytes are already in storage (the caller deletes them if this fails).
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { attachments } from "../../db/schema";
import { type FileRef, MAX_FILES_PER_CHAMP, sanitizeFilename } from "../../domain/files/file-ref";
import { parseChampKey } from "../../domain/form/keys";
import { parseOrBadRequest } from "../../errors";
import { writeChamps, writeUsagerChamps } from "../dossiers/save-champs";
import { findDossierFileField } from "./dossier-file-field";
import { recordAnnotationFileChange, ZFileFieldWriter } from "./file-field-writer";
import { type OperationResult, refuse } from "../../refusal";

const ZAttachFile = z.object({
  writer: ZFileFieldWriter,
  dossierId: z.number().int().positive(),
  key: z.string().min(1).max(64),
  file: z.object({
    storageKey: z.string().min(1).max(500),
    filename: z.string(),
    contentType: z.string().min(1).max(255),
    byteSize: z.number().int().positive(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});
export type AttachFileInput = z.input<typeof ZAttachFile>;

/** Refused: `too_many_files` on the field's key (param `max`, `champs.errors.too_many_files`). */
export type AttachFileResult = OperationResult<{ file: FileRef }>;

export async function attachFile(db: Db, raw: AttachFileInput): Promise<AttachFileResult> {
  const input = parseOrBadRequest(ZAttachFile, raw);
  return db.transaction(async (tx): Promise<AttachFileResult> => {
    const field = await findDossierFileField(tx, input.writer, input.dossierId, input.key, true);
    if (field.files.length >= MAX_FILES_PER_CHAMP) return refuse("too_many_files", field.key, { max: MAX_FILES_PER_CHAMP });
    const filename = sanitizeFilename(input.file.filename);
    const [row] = await tx
      .insert(attachments)
      .values({
        storageKey: input.file.storageKey,
        filename,
        contentType: input.file.contentType,
        byteSize: input.file.byteSize,
        checksum: input.file.checksum,
        purpose: "champ",
        dossierId: field.dossier.id,
        stableId: field.descriptor.stableId,
        rowId: parseChampKey(field.key)?.rowId ?? "",
        uploadedByUserId: input.writer.userId,
      })
      .returning({ id: attachments.id });
    const file: FileRef = {
      id: (row as { id: string }).id,
      filename,
      contentType: input.file.contentType,
      byteSize: input.file.byteSize,
    };
    const value = new Map([[field.key, [...field.files, file]]]);
    // The usager's file goes where their other changes go (their buffer en construction).
    if (input.writer.form === "champs") await writeUsagerChamps(tx, field.dossier, field.tree, value);
    else {
      await writeChamps(tx, field.dossier.id, field.tree, value, { private: true });
      await recordAnnotationFileChange(tx, input.writer, field.dossier, field.descriptor.stableId);
    }
    return { ok: true, file };
  });
}
