import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { revisionTypesDeChamp, typesDeChamp } from "../../db/schema";
import { draftCoordinates, findDraftCoordinate, lockDraft, renumber } from "./draft-revision";

/**
 * Removes a field from the draft form. Published revisions keep their copy; a row no revision uses
 * any more is deleted. Values already stored in dossiers stay (keyed by stable id) until purge.
 */
export async function removeChamp(db: Db, administrateurId: number, demarcheId: number, stableId: number) {
  await db.transaction(async (tx) => {
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    await tx.delete(revisionTypesDeChamp).where(eq(revisionTypesDeChamp.id, coordinate.id));
    const [usage] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(revisionTypesDeChamp)
      .where(eq(revisionTypesDeChamp.typeDeChampId, coordinate.typeDeChampId));
    if (usage?.n === 0) await tx.delete(typesDeChamp).where(eq(typesDeChamp.id, coordinate.typeDeChampId));
    await renumber(
      tx,
      (await draftCoordinates(tx, draftRevisionId, coordinate.private)).map((c) => c.id),
    );
  });
}
