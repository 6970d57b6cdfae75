import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { revisionTypesDeChamp } from "../../db/schema";
import { champUsages } from "../../domain/revisions/champ-usages";
import { draftUsageContext, type GuardedResult, usageRefusal } from "./champ-usage-guard";
import { deleteUnusedFieldRows, draftCoordinates, findDraftCoordinate, lockDraft, renumber } from "./draft-revision";

/**
 * Removes a field from the draft form (a repetition block with its children). Refused while a
 * rule reads the field (another field's condition, the ineligibility rules): the error names them.
 * Published revisions keep their copy; a row no revision uses any more is deleted. Values already
 * stored in dossiers stay (keyed by stable id) until purge.
 */
export async function removeChamp(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  stableId: number,
): Promise<GuardedResult> {
  return db.transaction(async (tx): Promise<GuardedResult> => {
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    const children =
      coordinate.typeChamp === "repetition" ? await draftCoordinates(tx, draftRevisionId, coordinate.private, coordinate.id) : [];

    const usages = champUsages(
      new Set([stableId, ...children.map((c) => c.stableId)]),
      await draftUsageContext(tx, draftRevisionId),
    );
    if (usages.length > 0) return usageRefusal(usages, "delete");

    const removed = [...children, coordinate];
    await tx.delete(revisionTypesDeChamp).where(
      inArray(
        revisionTypesDeChamp.id,
        removed.map((c) => c.id),
      ),
    );
    await deleteUnusedFieldRows(
      tx,
      removed.map((c) => c.typeDeChampId),
    );
    await renumber(
      tx,
      (await draftCoordinates(tx, draftRevisionId, coordinate.private, coordinate.parentId)).map((c) => c.id),
    );
    return { ok: true };
  });
}
