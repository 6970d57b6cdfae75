/** Labels for the instructeur's pages: a démarche's labels in order, and those of a page of dossiers. */
import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossierLabels, labels } from "../../db/schema";
import type { LabelColor } from "../../domain/labels/labels";

export interface LabelView {
  id: number;
  name: string;
  color: LabelColor;
}

/** A démarche's labels in the administrateur's order (the caller has scoped the démarche). */
export function labelsOfDemarche(db: DbOrTx, demarcheId: number): Promise<LabelView[]> {
  return db
    .select({ id: labels.id, name: labels.name, color: labels.color })
    .from(labels)
    .where(eq(labels.demarcheId, demarcheId))
    .orderBy(asc(labels.position), asc(labels.id));
}

/**
 * The labels of each dossier (ids from a list already scoped to the instructeur), in the démarche's
 * order; one indexed query per page.
 */
export async function labelsOfDossiers(db: DbOrTx, dossierIds: readonly number[]): Promise<Map<number, LabelView[]>> {
  const result = new Map<number, LabelView[]>();
  if (dossierIds.length === 0) return result;
  const rows = await db
    .select({ dossierId: dossierLabels.dossierId, id: labels.id, name: labels.name, color: labels.color })
    .from(dossierLabels)
    .innerJoin(labels, eq(labels.id, dossierLabels.labelId))
    .where(inArray(dossierLabels.dossierId, [...dossierIds]))
    .orderBy(asc(labels.position), asc(labels.id));
  for (const { dossierId, ...label } of rows) result.set(dossierId, [...(result.get(dossierId) ?? []), label]);
  return result;
}
