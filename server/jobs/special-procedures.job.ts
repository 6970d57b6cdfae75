import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZDaily = z.object({}).passthrough();

/** Daily (crontab): SVA/SVR dates recomputed, due dossiers accepted (SVA) or refused (SVR). */
export const svaSvrDailyJob = {
  payload: ZDaily,
  async run(_payload, { db, logger }) {
    // Loaded when run: the operations record events whose reactions enqueue jobs (no import cycle).
    const { processSvaSvrDaily } = await import("../operations/dossiers/process-special-dossiers");
    const report = await processSvaSvrDaily(db);
    logger.info(report, "SVA/SVR daily pass");
  },
} satisfies JobDefinition<typeof ZDaily>;

/** Every 10 minutes (crontab): declarative dossiers the submission did not pass on. */
export const stalledDeclarativeJob = {
  payload: ZDaily,
  async run(_payload, { db, logger }) {
    const { processStalledDeclarative } = await import("../operations/dossiers/process-special-dossiers");
    const processed = await processStalledDeclarative(db);
    if (processed > 0) logger.info({ processed }, "stalled declarative dossiers processed");
  },
} satisfies JobDefinition<typeof ZDaily>;
