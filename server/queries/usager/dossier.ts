/**
 * One dossier as its owner sees it: always through the usager scope (another user, an instructeur
 * or a missing dossier all get NotFoundError → 404).
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { traitements } from "../../db/schema";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { loadFormView, loadIneligibilityView } from "../form-view";

/** The dossier, its démarche, its form (tree), stored values by key, hidden keys and ineligibility rules. */
export async function loadUsagerDossier(db: DbOrTx, userId: number, dossierId: number) {
  const { dossier, demarche } = await findUsagerDossier(db, userId, dossierId);
  const view = await loadFormView(db, dossier.revisionId, dossier.id);
  const ineligibility = await loadIneligibilityView(db, dossier.revisionId);
  return { dossier, demarche, ...view, ineligibility };
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
