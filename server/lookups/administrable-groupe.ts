import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { groupesInstructeurs } from "../db/schema";
import { NotFoundError } from "../errors";
import { findAdministrableDemarche } from "./administrable-demarche";

/**
 * A groupe instructeur of a démarche this administrateur administers; NotFoundError otherwise (a
 * groupe of another démarche included). In a transaction, `lock` locks the démarche then the groupe.
 */
export async function findAdministrableGroupe(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  groupeId: number,
  lock = false,
) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId, lock);
  if (!Number.isSafeInteger(groupeId) || groupeId <= 0) throw new NotFoundError("GroupeInstructeur");
  const query = db
    .select()
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.id, groupeId), eq(groupesInstructeurs.demarcheId, demarche.id)))
    .limit(1);
  const [groupe] = lock ? await query.for("update") : await query;
  if (!groupe) throw new NotFoundError("GroupeInstructeur");
  return { demarche, groupe };
}
