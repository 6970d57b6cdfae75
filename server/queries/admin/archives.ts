/**
 * The archives page of a démarche (`/admin/procedures/:id/archives`): each month with decided
 * dossiers of the whole démarche and its latest archive not yet purged
 * (server/lookups/scoped-archive.ts). Another administrateur's démarche: NotFoundError.
 */
import type { DbOrTx } from "../../db/client";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { archiveMonthsWithArchives } from "../../lookups/scoped-archive";

export async function loadArchivesPage(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    months: await archiveMonthsWithArchives(db, demarche.id, null),
  };
}
