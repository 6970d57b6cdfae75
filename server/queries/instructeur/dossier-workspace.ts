/**
 * What the instructeur's dossier page shows of labels, notifications and colleagues: the démarche's
 * labels and the dossier's, the badges (what is new since this instructeur last looked, read
 * before the page marks it seen) and the other instructeurs of its groupe.
 */
import type { DbOrTx } from "../../db/client";
import { badgesBySection } from "../../domain/notifications/notifications";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { colleaguesOfGroupe } from "./colleagues";
import { labelsOfDemarche, labelsOfDossiers } from "./labels";
import { notificationBadges } from "./notifications";

export async function loadDossierWorkspace(db: DbOrTx, instructeurId: number, dossierId: number) {
  const { dossier } = await findInstructeurDossier(db, instructeurId, dossierId);
  const [available, mine, badges, colleagues] = await Promise.all([
    labelsOfDemarche(db, dossier.demarcheId),
    labelsOfDossiers(db, [dossier.id]),
    notificationBadges(db, instructeurId, [dossier.id]),
    colleaguesOfGroupe(db, dossier.groupeInstructeurId, instructeurId),
  ]);
  const news = badges.get(dossier.id) ?? [];
  return {
    labels: { available, selected: (mine.get(dossier.id) ?? []).map((l) => l.id) },
    news,
    newsBySection: badgesBySection(news),
    colleagues,
  };
}
