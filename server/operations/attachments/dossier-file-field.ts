/**
 * The file field of a dossier that an upload or a deletion is about: the dossier and the form the
 * writer may change (`file-field-writer.ts`: the usager's own form, or an instructeur's annotations
 * privées), the field of that form (top-level, or a child in an existing row of its block) of a
 * file type, and the files it holds. Anything else is NotFoundError.
 */
import type { Tx } from "../../db/client";
import type { DbOrTx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadUsagerValues } from "../dossiers/save-champs";
import type { ChampDescriptor } from "../../domain/champs/definition";
import { readChampValue } from "../../domain/champs/validate-dossier";
import type { FileRef } from "../../domain/files/file-ref";
import { isFileTypeChamp } from "../../domain/files/file-fields";
import { type ChampKey, parseChampKey } from "../../domain/form/keys";
import { findField, rowIdsOf } from "../../domain/form/tree";
import { NotFoundError } from "../../errors";
import { type FileFieldWriter, type WritableDossier, findWritableForm } from "./file-field-writer";

export interface DossierFileField {
  dossier: WritableDossier;
  tree: ChampDescriptor[];
  descriptor: ChampDescriptor;
  key: ChampKey;
  files: FileRef[];
}

export async function findDossierFileField(
  db: DbOrTx | Tx,
  writer: FileFieldWriter,
  dossierId: number,
  key: string,
  lock = false,
): Promise<DossierFileField> {
  const parsed = parseChampKey(key);
  if (!parsed) throw new NotFoundError("Champ");
  const { dossier, tree } = await findWritableForm(db, writer, dossierId, lock);
  const descriptor = findField(tree, parsed.stableId);
  if (!descriptor || !isFileTypeChamp(descriptor.type)) throw new NotFoundError("Champ");
  const block = tree.find((field) => field.children?.some((child) => child.stableId === parsed.stableId));
  // The usager changes their buffer en construction (the form as they see it), never `main`.
  const values = writer.form === "champs" ? await loadUsagerValues(db, dossier) : await loadChampValues(db, dossier.id);
  // A child lives only in an existing row of its block; a top-level field has no row.
  if (block ? !rowIdsOf(values, block.stableId).includes(parsed.rowId) : parsed.rowId !== "") {
    throw new NotFoundError("Champ");
  }
  const read = readChampValue(descriptor, values.get(key));
  const files = read.ok && Array.isArray(read.value) ? (read.value as unknown as FileRef[]) : [];
  return { dossier, tree, descriptor, key, files };
}
