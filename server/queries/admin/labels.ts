/** The labels page of the administrateur: the démarche (scoped) and its labels in order. */
import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { labels } from "../../db/schema";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function listDemarcheLabels(db: DbOrTx, administrateurId: number, demarcheId: number) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const rows = await db
    .select({ id: labels.id, name: labels.name, color: labels.color })
    .from(labels)
    .where(eq(labels.demarcheId, demarche.id))
    .orderBy(asc(labels.position), asc(labels.id));
  return { demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state }, labels: rows };
}

/** How many labels a démarche has (the overview's checklist); the caller has scoped the démarche. */
export async function countDemarcheLabels(db: DbOrTx, demarcheId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(labels).where(eq(labels.demarcheId, demarcheId));
  return row?.n ?? 0;
}
