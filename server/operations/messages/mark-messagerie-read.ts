/**
 * Records that an instructeur opened a dossier's messagerie: messages sent before now no longer
 * make their « nouveau message » badge (server/queries/instructeur/unread-messages.ts). The dossier
 * must be in their scope (404 otherwise).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossierMessageReads } from "../../db/schema";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";

export async function markMessagerieRead(db: Db, instructeurId: number, dossierId: number): Promise<void> {
  await findInstructeurDossier(db, instructeurId, dossierId);
  await db
    .insert(dossierMessageReads)
    .values({ instructeurId, dossierId })
    .onConflictDoUpdate({
      target: [dossierMessageReads.instructeurId, dossierMessageReads.dossierId],
      set: { seenAt: sql`now()` },
    });
}
