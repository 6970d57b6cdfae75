/**
 * Pending corrections (a correction request the usager has not answered yet), for the pages, the
 * lists and the API.
 */
import { and, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { dossierCorrections, dossiers } from "../db/schema";

/** The dossiers among `dossierIds` with a pending correction, with the date it was asked. */
export async function pendingCorrections(db: DbOrTx, dossierIds: readonly number[]): Promise<Map<number, Date>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .select({ dossierId: dossierCorrections.dossierId, createdAt: dossierCorrections.createdAt })
    .from(dossierCorrections)
    .where(and(inArray(dossierCorrections.dossierId, [...dossierIds]), isNull(dossierCorrections.resolvedAt)));
  return new Map(rows.map((r) => [r.dossierId, r.createdAt]));
}

/** A WHERE condition on `dossiers`: it has a pending correction (list filters, the API). */
export function hasPendingCorrection(): SQL {
  return sql`exists (select 1 from ${dossierCorrections} where ${dossierCorrections.dossierId} = ${dossiers.id} and ${dossierCorrections.resolvedAt} is null)`;
}
