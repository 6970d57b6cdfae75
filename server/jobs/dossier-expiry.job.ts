/**
 * The daily conservation job (ds-behaviour §2.5-2.6; the reference runs one per state, at several
 * hours): notices 2 weeks before, then expiry of dossiers whose notice ran out, then the purge of
 * dossiers hidden 2 weeks ago (tombstones, files) and of never-touched brouillons. 01:00 UTC.
 */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZDossierExpiry = z
  .object({
    _cron: z.object({ ts: z.string() }).passthrough().optional(),
    /** For tests and the benchmark: the instant to decide for. */
    at: z.string().datetime().optional(),
  })
  .passthrough();

export const dossierExpiryJob = {
  payload: ZDossierExpiry,
  async run(payload, { db, logger, config }) {
    // Imported when run: the operations enqueue jobs through the registry that lists this one.
    const { runDailyExpiry } = await import("../operations/retention/run-daily-expiry");
    const outcome = await runDailyExpiry(db, storageFor(config), new Date(payload.at ?? Date.now()));
    logger.info(outcome, "dossier conservation: notices, expiry, purge");
  },
} satisfies JobDefinition<typeof ZDossierExpiry>;
