/**
 * Fills an établissement kept in degraded mode (job `fetch-etablissement`, and the sweep
 * `backfill-etablissements` that re-enqueues the ones whose attempts ran out). API Entreprise still
 * unavailable → the attempt is counted and `EtablissementStillUnavailable` thrown, for the job
 * queue to retry with its backoff; unknown SIRET → recorded (`not_found`), not retried; found →
 * the data is stored, the flag cleared and `dossier.etablissement_complete` recorded.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, etablissements } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { type ApiEntrepriseSettings, fetchEtablissement } from "../../integrations/api-entreprise/client";
import { reindexDossier } from "./index-dossier";

export class EtablissementStillUnavailable extends Error {
  constructor(siret: string, detail: string) {
    super(`API Entreprise still unavailable for SIRET ${siret}: ${detail}`);
    this.name = "EtablissementStillUnavailable";
  }
}

export type FetchOutcome = "completed" | "not_found" | "nothing_to_do";

export async function fetchDegradedEtablissement(
  db: Db,
  apiEntreprise: ApiEntrepriseSettings | null,
  etablissementId: number,
): Promise<FetchOutcome> {
  const [row] = await db
    .select()
    .from(etablissements)
    .where(and(eq(etablissements.id, etablissementId), isNotNull(etablissements.degradedSince)));
  if (!row) return "nothing_to_do";
  const lookup = apiEntreprise
    ? await fetchEtablissement(apiEntreprise, row.siret)
    : ({ ok: false, reason: "unavailable", detail: "API Entreprise is not configured" } as const);
  if (!lookup.ok) {
    await db
      .update(etablissements)
      .set({
        fetchAttempts: sql`${etablissements.fetchAttempts} + 1`,
        lastError: `${lookup.reason}: ${lookup.detail}`.slice(0, 500),
        updatedAt: sql`now()`,
      })
      .where(eq(etablissements.id, etablissementId));
    if (lookup.reason === "not_found") return "not_found";
    throw new EtablissementStillUnavailable(row.siret, lookup.detail);
  }
  return db.transaction(async (tx) => {
    // Only if it is still the same SIRET and still degraded (the usager may have changed it meanwhile).
    const [updated] = await tx
      .update(etablissements)
      .set({
        data: lookup.data,
        degradedSince: null,
        lastError: null,
        fetchAttempts: sql`${etablissements.fetchAttempts} + 1`,
        fetchedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(
        and(eq(etablissements.id, etablissementId), eq(etablissements.siret, row.siret), isNotNull(etablissements.degradedSince)),
      )
      .returning({ dossierId: etablissements.dossierId });
    if (!updated) return "nothing_to_do" as const;
    const [dossier] = await tx
      .update(dossiers)
      .set({ updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, updated.dossierId))
      .returning({ demarcheId: dossiers.demarcheId, state: dossiers.state });
    if (!dossier) return "nothing_to_do" as const;
    await recordEvent(tx, {
      kind: "dossier.etablissement_complete",
      demarcheId: dossier.demarcheId,
      dossierId: updated.dossierId,
      actor: "system",
      actorUserId: null,
      payload: { siret: row.siret },
    });
    if (dossier.state !== "brouillon") await reindexDossier(tx, updated.dossierId);
    return "completed" as const;
  });
}

/** The degraded établissements whose job gave up: the sweep enqueues them again (at most `limit`). */
export async function degradedEtablissementIds(db: Db, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: etablissements.id })
    .from(etablissements)
    .where(isNotNull(etablissements.degradedSince))
    .orderBy(etablissements.degradedSince)
    .limit(limit);
  return rows.map((r) => r.id);
}
