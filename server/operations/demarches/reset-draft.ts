/**
 * Discards the unpublished changes of a published démarche's form (the reference's
 * `reset_draft_revision!`): the draft becomes a copy of the published form again, fields and
 * annotations alike, with its ineligibility rules. Field rows only the draft used (added fields,
 * copy-on-write copies) are deleted. Test dossiers on the draft keep their values (by stable id).
 *
 * `confirmedChanges` is the fingerprint of the list of changes the administrateur saw: if the draft
 * changed since (another administrateur edited it), nothing is discarded (`changes_outdated`).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { copyRevisionChamps } from "../../db/revisions";
import { revisionTypesDeChamp } from "../../db/schema";
import { diffFingerprint } from "../../domain/revisions/diff";
import { type OperationResult, refuse } from "../../refusal";
import { deleteUnusedFieldRows, lockDraft } from "../revisions/draft-revision";
import { pendingChanges } from "../../lookups/publication-checks";

export async function resetDraft(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: { confirmedChanges: string },
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Scope first (404 for another administrateur), and the draft locked against concurrent edits.
    const { demarche, draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const publishedRevisionId = demarche.publishedRevisionId;
    if (!publishedRevisionId) return refuse("never_published", "form");
    const changes = await pendingChanges(tx, demarche);
    if (changes.length === 0) return refuse("nothing_to_reset", "form");
    if (input.confirmedChanges !== diffFingerprint(changes)) return refuse("changes_outdated", "form");

    const draftRows = await tx
      .delete(revisionTypesDeChamp)
      .where(eq(revisionTypesDeChamp.revisionId, draftRevisionId))
      .returning({ typeDeChampId: revisionTypesDeChamp.typeDeChampId });
    await copyRevisionChamps(tx, publishedRevisionId, draftRevisionId);
    await deleteUnusedFieldRows(
      tx,
      draftRows.map((row) => row.typeDeChampId),
    );
    return { ok: true };
  });
}
