/**
 * Removes a file from a file field (the usager's, or an instructeur's annotation privée: see
 * file-field-writer.ts). Only the value changes here; the attachment row and its bytes are removed
 * by the purge job once no value refers to them (`purge-attachments.job.ts`). On a dossier en
 * construction (already with the administration) a mandatory field of the usager's form keeps at
 * least one file: add the new file first, then remove the old one. Annotations are only required
 * before a decision (server/domain/form/annotations.ts), so any of their files may go.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import type { FileRef } from "../../domain/files/file-ref";
import { NotFoundError, parseOrBadRequest } from "../../errors";
import { writeChamps, writeUsagerChamps } from "../dossiers/save-champs";
import { findDossierFileField } from "./dossier-file-field";
import { recordAnnotationFileChange, ZFileFieldWriter } from "./file-field-writer";
import { type OperationResult, refuse } from "../../refusal";

const ZDetachFile = z.object({
  writer: ZFileFieldWriter,
  dossierId: z.number().int().positive(),
  key: z.string().min(1).max(64),
  attachmentId: z.string().max(64),
});

/** Refused: `file_last_required` on the field's key (param `libelle`, `champs.errors.file_last_required`). */
export type DetachFileResult = OperationResult<{ file: FileRef }>;

export async function detachFile(db: Db, raw: z.input<typeof ZDetachFile>): Promise<DetachFileResult> {
  const input = parseOrBadRequest(ZDetachFile, raw);
  return db.transaction(async (tx): Promise<DetachFileResult> => {
    const field = await findDossierFileField(tx, input.writer, input.dossierId, input.key, true);
    const file = field.files.find((f) => f.id === input.attachmentId);
    if (!file) throw new NotFoundError("Attachment");
    const remaining = field.files.filter((f) => f.id !== input.attachmentId);
    const usagerForm = input.writer.form === "champs";
    if (remaining.length === 0 && usagerForm && field.descriptor.mandatory && field.dossier.state === "en_construction") {
      return refuse("file_last_required", field.key, { libelle: field.descriptor.libelle });
    }
    const value = new Map([[field.key, remaining.length > 0 ? remaining : null]]);
    if (usagerForm) await writeUsagerChamps(tx, field.dossier, field.tree, value);
    else {
      await writeChamps(tx, field.dossier.id, field.tree, value, { private: true });
      await recordAnnotationFileChange(tx, input.writer, field.dossier, field.descriptor.stableId);
    }
    return { ok: true, file };
  });
}
