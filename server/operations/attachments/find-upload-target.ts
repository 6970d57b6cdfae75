/**
 * Checked before any byte is stored: the writer (the usager in their form, an instructeur in the
 * annotations privées) may add a file to this field of this dossier, and which files the field
 * accepts. Someone else's dossier, a dossier no longer editable, a field of the other form, or a
 * field that is not a file field: NotFoundError (404, nothing stored).
 */
import type { Db } from "../../db/client";
import { acceptedFilesOf } from "../../domain/files/file-fields";
import type { AcceptedFiles } from "../../domain/files/formats";
import { NotFoundError } from "../../errors";
import { findDossierFileField } from "./dossier-file-field";
import type { FileFieldWriter } from "./file-field-writer";

export interface UploadTarget {
  libelle: string;
  accepted: AcceptedFiles;
  fileCount: number;
}

export async function findUploadTarget(
  db: Db,
  input: { writer: FileFieldWriter; dossierId: number; key: string; maxBytesCap: number },
): Promise<UploadTarget> {
  const field = await findDossierFileField(db, input.writer, input.dossierId, input.key);
  const accepted = acceptedFilesOf(field.descriptor, input.maxBytesCap);
  if (!accepted) throw new NotFoundError("Champ");
  return { libelle: field.descriptor.libelle, accepted, fileCount: field.files.length };
}
