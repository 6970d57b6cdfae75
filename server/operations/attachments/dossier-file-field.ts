/**
 * The file field of a usager's dossier that an upload or a deletion is about: the dossier in the
 * usager scope and in a state the usager may still change, the field (top-level, or a child in an
 * existing row of its block) of a file type, and the files it holds. Anything else is NotFoundError.
 */
import type { Tx } from "../../db/client";
import type { DbOrTx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import type { ChampDescriptor } from "../../domain/champs/definition";
import { readChampValue } from "../../domain/champs/validate-dossier";
import type { FileRef } from "../../domain/files/file-ref";
import { isFileTypeChamp } from "../../domain/files/file-fields";
import { type ChampKey, parseChampKey } from "../../domain/form/keys";
import { findField, rowIdsOf } from "../../domain/form/tree";
import { NotFoundError } from "../errors";
import { findUsagerDossier } from "../dossiers/find-dossier";

/** States in which the usager changes the dossier's values (brouillon, and modification en construction). */
export const EDITABLE_STATES = ["brouillon", "en_construction"] as const;

export interface DossierFileField {
  dossier: Awaited<ReturnType<typeof findUsagerDossier>>["dossier"];
  tree: ChampDescriptor[];
  descriptor: ChampDescriptor;
  key: ChampKey;
  files: FileRef[];
}

export async function findDossierFileField(
  db: DbOrTx | Tx,
  userId: number,
  dossierId: number,
  key: string,
  lock = false,
): Promise<DossierFileField> {
  const parsed = parseChampKey(key);
  if (!parsed) throw new NotFoundError("Champ");
  const { dossier } = await findUsagerDossier(db, userId, dossierId, lock);
  if (!(EDITABLE_STATES as readonly string[]).includes(dossier.state)) throw new NotFoundError("Dossier");
  const tree = await loadRevisionForm(db, dossier.revisionId);
  const descriptor = findField(tree, parsed.stableId);
  if (!descriptor || !isFileTypeChamp(descriptor.type)) throw new NotFoundError("Champ");
  const block = tree.find((field) => field.children?.some((child) => child.stableId === parsed.stableId));
  const values = await loadChampValues(db, dossier.id);
  // A child lives only in an existing row of its block; a top-level field has no row.
  if (block ? !rowIdsOf(values, block.stableId).includes(parsed.rowId) : parsed.rowId !== "") {
    throw new NotFoundError("Champ");
  }
  const read = readChampValue(descriptor, values.get(key));
  const files = read.ok && Array.isArray(read.value) ? (read.value as unknown as FileRef[]) : [];
  return { dossier, tree, descriptor, key, files };
}
