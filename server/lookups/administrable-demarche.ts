import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { demarches } from "../db/schema";
import { demarchesOfAdministrateur } from "../db/scopes";
import { NotFoundError } from "../errors";

/** The démarche if this administrateur administers it; NotFoundError otherwise. Locks it in a transaction. */
export async function findAdministrableDemarche(db: DbOrTx, administrateurId: number, demarcheId: number, lock = false) {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const query = db
    .select()
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfAdministrateur(administrateurId)))
    .limit(1);
  const [demarche] = lock ? await query.for("update") : await query;
  if (!demarche) throw new NotFoundError("Demarche");
  return demarche;
}
