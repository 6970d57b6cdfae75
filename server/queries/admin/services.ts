/** The administrateur's services (organisation cards), for their list and the démarche's choice. */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { services } from "../../db/schema";

export async function listOwnServices(db: DbOrTx, administrateurId: number) {
  return db
    .select({ id: services.id, nom: services.nom, organisme: services.organisme, siret: services.siret })
    .from(services)
    .where(eq(services.administrateurId, administrateurId))
    .orderBy(asc(services.nom), asc(services.id));
}
