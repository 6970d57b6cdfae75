/**
 * Records that an instructeur opened a dossier's messagerie: messages sent before now no longer
 * make their « nouveau message » badge (server/queries/instructeur/unread-messages.ts). One view
 * row per instructeur and dossier serves every badge (`markDossierSeen`). The dossier must be in
 * their scope (404 otherwise).
 */
import type { Db } from "../../db/client";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { markDossierSeen } from "../notifications/mark-dossier-seen";

export async function markMessagerieRead(db: Db, instructeurId: number, dossierId: number): Promise<void> {
  await findInstructeurDossier(db, instructeurId, dossierId);
  await markDossierSeen(db, instructeurId, dossierId, ["messagerie"]);
}
