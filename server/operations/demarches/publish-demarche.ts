import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { diffFingerprint } from "../../domain/revisions/diff";
import type { Db, Tx } from "../../db/client";
import { copyRevisionChamps } from "../../db/revisions";
import { administrateurs, demarches, dossiers, revisions } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse } from "../../refusal";
import { pendingChanges, publicationBlockers } from "../../lookups/publication-checks";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { claimPath } from "./claim-path";
import { rebaseDossiers } from "./rebase-dossiers";

/** The reference's path format: lower-case letters, digits, dashes and underscores. */
export const PATH_PATTERN = /^[a-z0-9_-]{3,200}$/;
export const ZPath = z.string().trim().toLowerCase().regex(PATH_PATTERN, { message: "path_invalid" });

/**
 * Publishes the draft at /commencer/<path>: the draft becomes the published revision, a new draft
 * starts as its copy, test dossiers are deleted, and dossiers not yet decided move to the new
 * revision (their values are keyed by stable id, so nothing they hold is lost).
 *
 * Re-publication: with no change to the form, no revision is created — a closed démarche is
 * reopened or the path changed, and publishing an unchanged published démarche at the same path
 * is refused (`nothing_to_publish`). `confirmedChanges` is the fingerprint of the diff the
 * administrateur confirmed: if the draft changed since, nothing is published (`changes_outdated`).
 */
export async function publishDemarche(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: { path: string; confirmedChanges?: string },
): Promise<OperationResult<{ path: string }>> {
  const parsedPath = ZPath.safeParse(input.path);
  if (!parsedPath.success) return refuse("path_invalid", "path");
  const path = parsedPath.data;
  return db.transaction(async (tx): Promise<OperationResult<{ path: string }>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (!demarche.draftRevisionId) return refuse("no_champ", "form");
    const blockers = await publicationBlockers(tx, demarche, path, administrateurId);
    if (blockers.length > 0) {
      // Each blocker is its own entry (the page lists them all); a taken path is the path field's.
      return { ok: false, refusals: blockers.map((b) => ({ code: b, field: b === "path_taken" ? "path" : b })) };
    }
    // A path of the administrateur's other démarche moves here (that one is unpublished), as the reference.
    const claim = async () => {
      await claimPath(tx, { demarcheId, path, administrateurId, actorUserId: await userIdOf(tx, administrateurId) });
    };
    const reopen = {
      state: "publiee" as const,
      path,
      publishedAt: demarche.publishedAt ?? sql`now()`,
      closedAt: null,
      updatedAt: sql`now()`,
    };
    if (demarche.publishedRevisionId) {
      const changes = await pendingChanges(tx, demarche);
      if (changes.length === 0) {
        if (demarche.state === "publiee" && demarche.path === path) return refuse("nothing_to_publish", "form");
        await claim();
        await tx.update(demarches).set(reopen).where(eq(demarches.id, demarcheId));
        await recordPublication(tx, administrateurId, demarcheId, { path, revisionId: null, republication: true });
        return { ok: true, path };
      }
      if (input.confirmedChanges !== undefined && input.confirmedChanges !== diffFingerprint(changes)) {
        return refuse("changes_outdated", "form");
      }
    }
    await claim();
    const publishedRevisionId = demarche.draftRevisionId;
    await tx.update(revisions).set({ publishedAt: sql`now()` }).where(eq(revisions.id, publishedRevisionId));
    const [draft] = await tx.insert(revisions).values({ demarcheId }).returning({ id: revisions.id });
    const newDraftId = (draft as { id: number }).id;
    await copyRevisionChamps(tx, publishedRevisionId, newDraftId);
    await tx.delete(dossiers).where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.forTest, true)));
    await rebaseDossiers(tx, demarcheId, publishedRevisionId);
    await tx
      .update(demarches)
      .set({ ...reopen, publishedRevisionId, draftRevisionId: newDraftId })
      .where(eq(demarches.id, demarcheId));
    await recordPublication(tx, administrateurId, demarcheId, {
      path,
      revisionId: publishedRevisionId,
      republication: demarche.publishedRevisionId !== null,
    });
    return { ok: true, path };
  });
}

async function userIdOf(tx: Tx, administrateurId: number) {
  const [admin] = await tx
    .select({ userId: administrateurs.userId })
    .from(administrateurs)
    .where(eq(administrateurs.id, administrateurId));
  return admin?.userId ?? null;
}

/** `demarche.publiee`, by the administrateur's account (the démarche's history names who published). */
async function recordPublication(
  tx: Tx,
  administrateurId: number,
  demarcheId: number,
  payload: { path: string; revisionId: number | null; republication: boolean },
) {
  const [admin] = await tx
    .select({ userId: administrateurs.userId })
    .from(administrateurs)
    .where(eq(administrateurs.id, administrateurId));
  await recordEvent(tx, {
    kind: "demarche.publiee",
    demarcheId,
    dossierId: null,
    actor: "administrateur",
    actorUserId: admin?.userId ?? null,
    payload,
  });
}
