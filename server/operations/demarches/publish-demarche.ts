import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { fieldListProblems, publicationBlocker } from "../../domain/revisions/form-lists";
import { compareRevisions, diffFingerprint, type RevisionChange } from "../../domain/revisions/diff";
import type { Db, DbOrTx, Tx } from "../../db/client";
import { copyRevisionChamps, loadRevisionChamps } from "../../db/revisions";
import { demarches, dossiers, groupeInstructeurMembers, groupesInstructeurs, revisions } from "../../db/schema";
import type { OperationResult } from "../errors";
import { conditionBlockers } from "../revisions/condition-blockers";
import { loadRevisionSnapshot } from "../revisions/revision-snapshot";
import { findAdministrableDemarche } from "./find-administrable-demarche";
import { rebaseDossiers } from "./rebase-dossiers";

/** The reference's path format: lower-case letters, digits, dashes and underscores. */
export const PATH_PATTERN = /^[a-z0-9_-]{3,200}$/;
export const ZPath = z.string().trim().toLowerCase().regex(PATH_PATTERN, { message: "path_invalid" });

/**
 * What prevents publication, as i18n keys of `admin.publication.errors`: a form with no field; in
 * the usager's form or in the annotations privées (same checks, the latter named as annotations),
 * a field without libellé or with invalid options, an empty repetition block, a type the list does
 * not offer, an invalid condition; invalid ineligibility rules; no instructeur; a path already taken.
 */
export async function publicationBlockers(tx: Tx, demarche: { id: number; draftRevisionId: number | null }, path: string | null) {
  const blockers: string[] = [];
  const revisionId = demarche.draftRevisionId;
  // One after the other: inside a transaction they share one connection.
  const champs = revisionId ? await loadRevisionChamps(tx, revisionId) : [];
  const annotations = revisionId ? await loadRevisionChamps(tx, revisionId, { private: true }) : [];
  if (champs.filter((c) => c.type !== "header_section").length === 0) blockers.push("no_champ");
  for (const [list, fields] of [
    ["champs", champs],
    ["annotations", annotations],
  ] as const) {
    blockers.push(...fieldListProblems(fields, list).map((problem) => publicationBlocker(list, problem)));
  }
  if (revisionId) blockers.push(...(await conditionBlockers(tx, revisionId)));
  const [instructeurs] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .where(eq(groupesInstructeurs.demarcheId, demarche.id));
  if (!instructeurs || instructeurs.n === 0) blockers.push("no_instructeur");
  if (path !== null) {
    const [taken] = await tx
      .select({ id: demarches.id })
      .from(demarches)
      .where(and(eq(demarches.path, path), ne(demarches.id, demarche.id)))
      .limit(1);
    if (taken) blockers.push("path_taken");
  }
  return blockers;
}

/** The changes a publication would bring (empty for a first publication: there is nothing to compare with). */
export async function pendingChanges(
  tx: DbOrTx,
  demarche: { draftRevisionId: number | null; publishedRevisionId: number | null },
): Promise<RevisionChange[]> {
  if (!demarche.draftRevisionId || !demarche.publishedRevisionId) return [];
  const [published, draft] = await Promise.all([
    loadRevisionSnapshot(tx, demarche.publishedRevisionId),
    loadRevisionSnapshot(tx, demarche.draftRevisionId),
  ]);
  return compareRevisions(published, draft);
}

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
  if (!parsedPath.success) return { ok: false, errors: { path: "path_invalid" } };
  const path = parsedPath.data;
  return db.transaction(async (tx): Promise<OperationResult<{ path: string }>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (!demarche.draftRevisionId) return { ok: false, errors: { form: "no_champ" } };
    const blockers = await publicationBlockers(tx, demarche, path);
    if (blockers.length > 0) {
      return { ok: false, errors: Object.fromEntries(blockers.map((b) => [b === "path_taken" ? "path" : b, b])) };
    }
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
        if (demarche.state === "publiee" && demarche.path === path) return { ok: false, errors: { form: "nothing_to_publish" } };
        await tx.update(demarches).set(reopen).where(eq(demarches.id, demarcheId));
        return { ok: true, path };
      }
      if (input.confirmedChanges !== undefined && input.confirmedChanges !== diffFingerprint(changes)) {
        return { ok: false, errors: { form: "changes_outdated" } };
      }
    }
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
    return { ok: true, path };
  });
}
