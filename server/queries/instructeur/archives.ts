/**
 * The instructeur's archives page (`/procedures/:id/archives`): each month with decided dossiers
 * of THEIR groupes on the démarche, and the latest archive of that groupe set not yet purged
 * (server/lookups/scoped-archive.ts). A démarche where they have no groupe: NotFoundError.
 */
import type { DbOrTx } from "../../db/client";
import { archiveMonthsWithArchives, instructeurArchiveGroupes } from "../../lookups/scoped-archive";
import { findInstructeurDemarche } from "./demarches";

export async function loadInstructeurArchivesPage(db: DbOrTx, instructeurId: number, demarcheId: number) {
  const demarche = await findInstructeurDemarche(db, instructeurId, demarcheId);
  const groupeIds = await instructeurArchiveGroupes(db, instructeurId, demarche.id);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    months: await archiveMonthsWithArchives(db, demarche.id, groupeIds),
  };
}
