/**
 * Shared steps of every edit of a démarche's draft form: find the draft (scoped to the
 * administrateur), read its coordinates, and make a field exclusive to the draft before changing it
 * (copy-on-write, so published revisions — and the dossiers filled on them — never change).
 */
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { revisionTypesDeChamp, typesDeChamp } from "../../db/schema";
import { copyTemplateFiles } from "../attachments/copy-template-files";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function lockDraft(tx: Tx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
  if (!demarche.draftRevisionId) throw new NotFoundError("Revision");
  return { demarche, draftRevisionId: demarche.draftRevisionId };
}

/**
 * Coordinates of one list of the draft, in order: the top level of the public form or of the
 * annotations, or the children of one repetition block (`parentId`: the block's coordinate id).
 */
export async function draftCoordinates(tx: Tx, revisionId: number, isPrivate: boolean, parentId: number | null = null) {
  return tx
    .select({
      id: revisionTypesDeChamp.id,
      parentId: revisionTypesDeChamp.parentId,
      position: revisionTypesDeChamp.position,
      typeDeChampId: typesDeChamp.id,
      stableId: typesDeChamp.stableId,
      typeChamp: typesDeChamp.typeChamp,
    })
    .from(revisionTypesDeChamp)
    .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
    .where(
      and(
        eq(revisionTypesDeChamp.revisionId, revisionId),
        eq(typesDeChamp.private, isPrivate),
        parentId === null ? isNull(revisionTypesDeChamp.parentId) : eq(revisionTypesDeChamp.parentId, parentId),
      ),
    )
    .orderBy(asc(revisionTypesDeChamp.position), asc(revisionTypesDeChamp.id));
}

/** The draft coordinate of a field, by stable id, in either list. */
export async function findDraftCoordinate(tx: Tx, revisionId: number, stableId: number) {
  if (!Number.isSafeInteger(stableId)) throw new NotFoundError("Champ");
  const [row] = await tx
    .select({
      id: revisionTypesDeChamp.id,
      typeDeChampId: typesDeChamp.id,
      private: typesDeChamp.private,
      parentId: revisionTypesDeChamp.parentId,
      typeChamp: typesDeChamp.typeChamp,
    })
    .from(revisionTypesDeChamp)
    .innerJoin(typesDeChamp, eq(typesDeChamp.id, revisionTypesDeChamp.typeDeChampId))
    .where(and(eq(revisionTypesDeChamp.revisionId, revisionId), eq(typesDeChamp.stableId, stableId)))
    .limit(1);
  if (!row) throw new NotFoundError("Champ");
  return row;
}

/** Clones the field row if another revision uses it, and repoints the draft coordinate to the copy. */
export async function ensureExclusiveToDraft(tx: Tx, coordinate: { id: number; typeDeChampId: number }, revisionId: number) {
  const [shared] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(revisionTypesDeChamp)
    .where(
      and(eq(revisionTypesDeChamp.typeDeChampId, coordinate.typeDeChampId), ne(revisionTypesDeChamp.revisionId, revisionId)),
    );
  if (!shared || shared.n === 0) return coordinate.typeDeChampId;
  const [original] = await tx.select().from(typesDeChamp).where(eq(typesDeChamp.id, coordinate.typeDeChampId));
  if (!original) throw new NotFoundError("Champ");
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = original;
  const [clone] = await tx.insert(typesDeChamp).values(copy).returning({ id: typesDeChamp.id });
  const cloneId = (clone as { id: number }).id;
  await copyTemplateFiles(tx, coordinate.typeDeChampId, cloneId);
  await tx.update(revisionTypesDeChamp).set({ typeDeChampId: cloneId }).where(eq(revisionTypesDeChamp.id, coordinate.id));
  return cloneId;
}

/** Rewrites positions 0..n-1 in the given order. */
export async function renumber(tx: Tx, coordinateIds: number[]) {
  for (const [index, id] of coordinateIds.entries()) {
    await tx.update(revisionTypesDeChamp).set({ position: index }).where(eq(revisionTypesDeChamp.id, id));
  }
}

/**
 * Deletes the field rows among these that no revision uses any more (their model files' rows go
 * with them; the bytes may be shared with a copy and stay to the storage purge).
 */
export async function deleteUnusedFieldRows(tx: Tx, fieldRowIds: readonly number[]) {
  if (fieldRowIds.length === 0) return;
  const stillUsed = await tx
    .select({ id: revisionTypesDeChamp.typeDeChampId })
    .from(revisionTypesDeChamp)
    .where(inArray(revisionTypesDeChamp.typeDeChampId, [...fieldRowIds]));
  const used = new Set(stillUsed.map((row) => row.id));
  const orphans = fieldRowIds.filter((id) => !used.has(id));
  if (orphans.length > 0) await tx.delete(typesDeChamp).where(inArray(typesDeChamp.id, orphans));
}
