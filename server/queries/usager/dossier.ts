/**
 * One dossier as its owner sees it: always through the usager scope (another user, an instructeur
 * or a missing dossier all get NotFoundError → 404).
 */
import { loadDossierEtablissement } from "../../lookups/etablissement";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { USER_BUFFER_STREAM } from "../../domain/dossier/streams";
import type { DbOrTx } from "../../db/client";
import { usagerReadStream } from "../../db/champ-streams";
import { events, traitements } from "../../db/schema";
import { dossierContactFor } from "../../lookups/dossier-contact";

import { findSharedUsagerDossier } from "../../lookups/scoped-dossier";
import { loadFormView, loadIneligibilityView } from "../form-view";

/**
 * The dossier, its démarche, its form (tree), stored values by key, hidden keys and ineligibility
 * rules. The values are the usager's: their buffer while they have changes not yet submitted
 * (`pendingChanges`), else what the administration has.
 */
export async function loadUsagerDossier(db: DbOrTx, userId: number, dossierId: number) {
  const { dossier, demarche, owner } = await findSharedUsagerDossier(db, userId, dossierId);
  const stream = await usagerReadStream(db, dossier);
  const view = await loadFormView(db, dossier.revisionId, dossier.id, { stream });
  const ineligibility = await loadIneligibilityView(db, dossier.revisionId);
  const etablissement = demarche.forIndividual ? null : await loadDossierEtablissement(db, dossier.id);
  return { dossier, demarche, owner, ...view, ineligibility, etablissement, pendingChanges: stream === USER_BUFFER_STREAM };
}

/**
 * Same, with the history of state changes, oldest first, and when the usager's changes not yet
 * submitted were dropped because the dossier passed en instruction (null unless that happened
 * when it last did).
 */
export async function loadUsagerDossierPage(db: DbOrTx, userId: number, dossierId: number) {
  const loaded = await loadUsagerDossier(db, userId, dossierId);
  const { dossier } = loaded;
  const history = await db
    .select({ id: traitements.id, event: traitements.event, state: traitements.state, processedAt: traitements.processedAt })
    .from(traitements)
    .where(eq(traitements.dossierId, dossier.id))
    .orderBy(asc(traitements.processedAt), asc(traitements.id));
  let changesLostAt: Date | null = null;
  if (dossier.state !== "brouillon" && dossier.state !== "en_construction" && dossier.enInstructionAt) {
    const [lost] = await db
      .select({ createdAt: events.createdAt })
      .from(events)
      .where(
        and(
          eq(events.dossierId, dossier.id),
          eq(events.kind, "dossier.modifications_abandonnees"),
          sql`${events.payload}->>'cause' = 'passer_en_instruction'`,
          // Written by the same transaction as the last passage en instruction (same now()).
          sql`${events.createdAt} >= ${dossier.enInstructionAt}`,
        ),
      )
      .orderBy(desc(events.id))
      .limit(1);
    changesLostAt = lost?.createdAt ?? null;
  }
  // Only once submitted: the groupe is chosen at submission.
  const contact = dossier.state === "brouillon" ? null : await dossierContactFor(db, dossier);
  return { ...loaded, history, changesLostAt, contact };
}
