/** The démarche's special procedures settings (declarative, SVA/SVR, accusé de lecture), for its administrateurs. */
import type { DbOrTx } from "../../db/client";
import { readSvaSvr, svaSvrEnabled } from "../../domain/special/sva-svr";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function loadSpecialProcedures(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const svaSvr = readSvaSvr(demarche.svaSvr);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    declarative: demarche.declarativeWithState ?? ("none" as const),
    svaSvr,
    // A published SVA/SVR démarche keeps its rule (the operation refuses a change).
    svaSvrLocked: demarche.publishedAt !== null && svaSvrEnabled(svaSvr),
    accuseLecture: demarche.accuseLecture,
  };
}
