/**
 * Degraded mode of API Entreprise: fetch the data of a SIRET the usager gave while the API was
 * down or slow. Enqueued by `setEtablissement` (delay `API_ENTREPRISE_RETRY_DELAY_MS`, 5 attempts
 * with graphile-worker's backoff); `backfill-etablissements` (every 2 hours, as the reference's
 * BackfillSiretDegradedModeJob) re-enqueues those still missing after that.
 */
import { z } from "zod";
import { ETABLISSEMENT_FETCH_MAX_ATTEMPTS } from "../domain/entreprises/etablissement";
import type { JobDefinition } from "./registry";

const ZFetchEtablissement = z.object({ etablissementId: z.number().int().positive() });

export const fetchEtablissementJob = {
  payload: ZFetchEtablissement,
  async run({ etablissementId }, { db, config, logger }) {
    // Loaded when run: the operation records events whose reactions enqueue jobs (no import cycle).
    const { fetchDegradedEtablissement } = await import("../operations/dossiers/fetch-etablissement");
    const outcome = await fetchDegradedEtablissement(db, config.apiEntreprise, etablissementId);
    if (outcome === "not_found") logger.warn({ etablissementId }, "SIRET kept in degraded mode is unknown to API Entreprise");
  },
} satisfies JobDefinition<typeof ZFetchEtablissement>;

const ZBackfill = z.object({}).passthrough();

export const backfillEtablissementsJob = {
  payload: ZBackfill,
  async run(_payload, { db }) {
    const { degradedEtablissementIds } = await import("../operations/dossiers/fetch-etablissement");
    const { enqueueJob } = await import("./enqueue");
    for (const id of await degradedEtablissementIds(db, 1000)) {
      // Same key as the first job: one pending fetch per établissement.
      await enqueueJob(
        db,
        "fetch-etablissement",
        { etablissementId: id },
        { maxAttempts: ETABLISSEMENT_FETCH_MAX_ATTEMPTS, jobKey: `fetch-etablissement:${id}`, jobKeyMode: "preserve_run_at" },
      );
    }
  },
} satisfies JobDefinition<typeof ZBackfill>;
