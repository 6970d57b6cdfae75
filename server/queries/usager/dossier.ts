/**
 * One dossier as its owner sees it: always through the usager scope (another user, an instructeur
 * or a missing dossier all get NotFoundError → 404).
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionChamps } from "../../db/revisions";
import { traitements } from "../../db/schema";
import { findUsagerDossier } from "../../operations/dossiers/find-dossier";

/** The dossier, its démarche, the public fields of its revision and their stored values (keyed by stable id). */
export async function loadUsagerDossier(db: DbOrTx, userId: number, dossierId: number) {
  const { dossier, demarche } = await findUsagerDossier(db, userId, dossierId);
  const descriptors = await loadRevisionChamps(db, dossier.revisionId);
  const values: Record<string, unknown> = {};
  for (const [stableId, value] of await loadChampValues(db, dossier.id)) values[stableId] = value;
  return { dossier, demarche, descriptors, values };
}

/** Same, with the history of state changes, oldest first. */
export async function loadUsagerDossierPage(db: DbOrTx, userId: number, dossierId: number) {
  const loaded = await loadUsagerDossier(db, userId, dossierId);
  const history = await db
    .select({ id: traitements.id, event: traitements.event, state: traitements.state, processedAt: traitements.processedAt })
    .from(traitements)
    .where(eq(traitements.dossierId, loaded.dossier.id))
    .orderBy(asc(traitements.processedAt), asc(traitements.id));
  return { ...loaded, history };
}
