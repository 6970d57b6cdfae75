/**
 * The établissement of a dossier (personnes-morales démarches), for pages, the API and submission.
 * Callers have already checked the dossier's scope.
 */
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { etablissements } from "../db/schema";
import { type EtablissementData, parseEtablissementData } from "../domain/entreprises/etablissement";

export interface DossierEtablissement {
  siret: string;
  /** Null while in degraded mode (or when the stored data no longer parses). */
  data: EtablissementData | null;
  degraded: boolean;
  /** `not_found` when API Entreprise did not know the SIRET kept in degraded mode. */
  notFound: boolean;
}

function toView(row: typeof etablissements.$inferSelect): DossierEtablissement {
  return {
    siret: row.siret,
    data: row.degradedSince ? null : parseEtablissementData(row.data),
    degraded: row.degradedSince !== null,
    notFound: row.lastError?.startsWith("not_found") ?? false,
  };
}

export async function loadDossierEtablissement(db: DbOrTx, dossierId: number): Promise<DossierEtablissement | null> {
  const [row] = await db.select().from(etablissements).where(eq(etablissements.dossierId, dossierId)).limit(1);
  return row ? toView(row) : null;
}

/** Several dossiers' établissements at once (the API's DataLoader). */
export async function loadDossierEtablissements(db: DbOrTx, dossierIds: readonly number[]) {
  const map = new Map<number, DossierEtablissement>();
  if (dossierIds.length === 0) return map;
  const rows = await db
    .select()
    .from(etablissements)
    .where(inArray(etablissements.dossierId, [...dossierIds]));
  for (const row of rows) map.set(row.dossierId, toView(row));
  return map;
}
