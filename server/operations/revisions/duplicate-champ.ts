/**
 * « Dupliquer »: a copy of a field (a block with copies of its children), placed right after it in
 * the same list, with new stable ids — a new field for dossiers, not the same one twice. Its
 * condition is kept (it reads fields above, which are above the copy too); model and notice files
 * are not copied.
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { revisionTypesDeChamp, typesDeChamp } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { draftCoordinates, findDraftCoordinate, lockDraft, renumber } from "./draft-revision";

async function copyField(tx: Tx, typeDeChampId: number) {
  const [original] = await tx.select().from(typesDeChamp).where(eq(typesDeChamp.id, typeDeChampId));
  if (!original) throw new NotFoundError("Champ");
  const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = original;
  const [row] = await tx
    .insert(typesDeChamp)
    .values({ ...copy, stableId: 0 })
    .returning({ id: typesDeChamp.id });
  const id = (row as { id: number }).id;
  // A new durable identity, as for any new field (= its first row's id).
  await tx.update(typesDeChamp).set({ stableId: id }).where(eq(typesDeChamp.id, id));
  return id;
}

export async function duplicateChamp(db: Db, administrateurId: number, demarcheId: number, stableId: number) {
  return db.transaction(async (tx) => {
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const original = await findDraftCoordinate(tx, draftRevisionId, stableId);
    const copyId = await copyField(tx, original.typeDeChampId);
    const [coordinate] = await tx
      .insert(revisionTypesDeChamp)
      .values({ revisionId: draftRevisionId, typeDeChampId: copyId, parentId: original.parentId, position: 0 })
      .returning({ id: revisionTypesDeChamp.id });
    const copyCoordinateId = (coordinate as { id: number }).id;
    const siblings = (await draftCoordinates(tx, draftRevisionId, original.private, original.parentId))
      .map((c) => c.id)
      .filter((id) => id !== copyCoordinateId);
    siblings.splice(siblings.indexOf(original.id) + 1, 0, copyCoordinateId);
    await renumber(tx, siblings);
    // A block is copied with its children, in their order.
    const children = await draftCoordinates(tx, draftRevisionId, original.private, original.id);
    for (const child of children) {
      const childCopy = await copyField(tx, child.typeDeChampId);
      await tx
        .insert(revisionTypesDeChamp)
        .values({ revisionId: draftRevisionId, typeDeChampId: childCopy, parentId: copyCoordinateId, position: child.position });
    }
    const [copy] = await tx.select({ stableId: typesDeChamp.stableId }).from(typesDeChamp).where(eq(typesDeChamp.id, copyId));
    return { stableId: (copy as { stableId: number }).stableId };
  });
}
