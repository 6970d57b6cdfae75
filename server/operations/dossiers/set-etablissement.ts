/**
 * The identity step of a personnes-morales démarche: the usager gives the SIRET of the établissement
 * the dossier is for. It is checked (14 digits, Luhn key), looked up in API Entreprise and stored
 * with the dossier (`etablissements`), then shown for confirmation.
 *
 * Refusals on `siret`: `siret_required`, `siret_invalid` (format or key), `siret_not_found`
 * (unknown to the INSEE register), `siret_ferme` (a closed établissement). Nothing is stored then.
 * Degraded mode (as the reference): API Entreprise down, slow or refusing → the SIRET is kept
 * without data (`degraded_since`), the `fetch-etablissement` job is enqueued to fetch it later, and
 * final decisions wait for it (`etablissement_incomplet`). The lookup runs outside the transaction.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, etablissements } from "../../db/schema";
import { isValidSiret, normalizeSiret } from "../../domain/champs/types/siret";
import { ETABLISSEMENT_FETCH_MAX_ATTEMPTS, type EtablissementData } from "../../domain/entreprises/etablissement";
import { recordEvent } from "../../events/record-event";
import { type ApiEntrepriseSettings, fetchEtablissement } from "../../integrations/api-entreprise/client";
import { enqueueJob } from "../../jobs/enqueue";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { reindexDossier } from "./index-dossier";

export interface EtablissementServices {
  apiEntreprise: ApiEntrepriseSettings | null;
  /** Delay before the job fetches a degraded établissement's data. */
  retryDelayMs: number;
}

export async function setEtablissement(
  db: Db,
  services: EtablissementServices,
  userId: number,
  dossierId: number,
  input: { siret: unknown },
): Promise<OperationResult<{ degraded: boolean }>> {
  // Ownership first: someone else's dossier is a 404 whatever they sent.
  const { dossier, demarche } = await findUsagerDossier(db, userId, dossierId);
  if (dossier.state !== "brouillon" && dossier.state !== "en_construction") return refuse("read_only", "form");
  if (demarche.forIndividual) return refuse("read_only", "form");
  const raw = typeof input.siret === "string" ? input.siret.trim() : "";
  if (raw === "") return refuse("siret_required", "siret");
  const siret = normalizeSiret(raw);
  if (raw.length > 40 || !isValidSiret(siret)) return refuse("siret_invalid", "siret");

  const lookup = services.apiEntreprise
    ? await fetchEtablissement(services.apiEntreprise, siret)
    : ({ ok: false, reason: "unavailable", detail: "API Entreprise is not configured" } as const);
  if (!lookup.ok && lookup.reason === "not_found") return refuse("siret_not_found", "siret");
  if (lookup.ok && lookup.data.ferme) return refuse("siret_ferme", "siret");
  const data: EtablissementData | null = lookup.ok ? lookup.data : null;

  return db.transaction(async (tx): Promise<OperationResult<{ degraded: boolean }>> => {
    const locked = await findUsagerDossier(tx, userId, dossierId, true);
    if (locked.dossier.state !== "brouillon" && locked.dossier.state !== "en_construction") return refuse("read_only", "form");
    const degraded = data === null;
    const values = {
      siret,
      data,
      degradedSince: degraded ? sql`now()` : null,
      fetchAttempts: 1,
      lastError: lookup.ok ? null : `unavailable: ${lookup.detail}`.slice(0, 500),
      fetchedAt: degraded ? null : sql`now()`,
      updatedAt: sql`now()`,
    };
    const [row] = await tx
      .insert(etablissements)
      .values({ dossierId, ...values })
      .onConflictDoUpdate({ target: etablissements.dossierId, set: values })
      .returning({ id: etablissements.id });
    if (!row) throw new Error("etablissement upsert returned no row");
    await tx
      .update(dossiers)
      .set({ identityUpdatedAt: sql`now()`, updatedAt: sql`now()`, lockVersion: sql`${dossiers.lockVersion} + 1` })
      .where(eq(dossiers.id, dossierId));
    if (degraded) {
      await enqueueJob(
        tx,
        "fetch-etablissement",
        { etablissementId: row.id },
        {
          runAt: new Date(Date.now() + services.retryDelayMs),
          maxAttempts: ETABLISSEMENT_FETCH_MAX_ATTEMPTS,
          jobKey: `fetch-etablissement:${row.id}`,
        },
      );
    }
    await recordEvent(tx, {
      kind: "dossier.etablissement_renseigne",
      demarcheId: locked.dossier.demarcheId,
      dossierId,
      actor: "usager",
      actorUserId: userId,
      payload: { siret, degraded },
    });
    if (locked.dossier.state === "en_construction") await reindexDossier(tx, dossierId);
    return { ok: true, degraded };
  });
}
