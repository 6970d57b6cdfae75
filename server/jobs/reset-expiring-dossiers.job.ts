/**
 * Recomputes the expiry dates of a démarche's dossiers after its durée de conservation changed
 * (enqueued by the `reset-expiring-dossiers` reaction): a few batches per run, re-enqueued with
 * `afterId` so a long démarche never holds a worker for long.
 */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZPayload = z.object({
  demarcheId: z.number().int(),
  afterId: z.number().int().default(0),
});

const BATCHES_PER_RUN = 20;

export const resetExpiringDossiersJob: JobDefinition<typeof ZPayload> = {
  payload: ZPayload,
  async run({ demarcheId, afterId }, { db }) {
    // Lazy: the operations enqueue jobs, whose registry lists this job.
    const { resetExpiryBatch } = await import("../operations/retention/reset-expiring-dossiers");
    const { enqueueJob } = await import("./enqueue");
    let cursor = afterId;
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const next = await resetExpiryBatch(db, demarcheId, cursor);
      if (next === null) return;
      cursor = next;
    }
    await enqueueJob(db, "reset-expiring-dossiers", { demarcheId, afterId: cursor });
  },
};
