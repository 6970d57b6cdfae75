/**
 * The expert's direct access by dossier number (the header's search): their newest avis on that
 * dossier, if any is addressed to them and not revoked; null otherwise (nothing tells whether the
 * dossier exists).
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { avis, dossiers } from "../db/schema";
import { avisOfExpert, dossiersVisibleToExpert } from "../db/scopes";

export async function findExpertAvisOfDossier(db: DbOrTx, expertId: number, dossierId: number): Promise<number | null> {
  const [row] = await db
    .select({ id: avis.id })
    .from(avis)
    .innerJoin(dossiers, eq(dossiers.id, avis.dossierId))
    .where(and(eq(avis.dossierId, dossierId), avisOfExpert(expertId), dossiersVisibleToExpert(expertId)))
    .orderBy(desc(avis.createdAt), desc(avis.id))
    .limit(1);
  return row ? row.id : null;
}
