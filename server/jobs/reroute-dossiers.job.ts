/**
 * Re-routes every dossier of a démarche not yet decided (en construction, en instruction) with the
 * groupes' current rules, after the administrateur changed them: in batches of one transaction
 * each, by increasing number, so a run cut short resumes where it stopped (`afterId`, re-enqueued).
 * Dossiers moved by hand stay in their groupe. Each move is a `dossier.groupe_change` event (`bulk`).
 */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZPayload = z.object({
  demarcheId: z.number().int(),
  actorUserId: z.number().int().nullable(),
  afterId: z.number().int().default(0),
});

/** Batches per job run: a long re-routing is several short jobs, never one that holds a worker for long. */
const BATCHES_PER_RUN = 20;

export const rerouteDossiersJob: JobDefinition<typeof ZPayload> = {
  payload: ZPayload,
  async run({ demarcheId, actorUserId, afterId }, { db }) {
    // Lazy: the operations enqueue jobs, whose registry lists this job.
    const { rerouteBatch } = await import("../operations/groupes/reroute-dossiers");
    const { enqueueJob } = await import("./enqueue");
    let cursor = afterId;
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const next = await rerouteBatch(db, demarcheId, cursor, actorUserId);
      if (next === null) return;
      cursor = next;
    }
    await enqueueJob(db, "reroute-dossiers", { demarcheId, actorUserId, afterId: cursor });
  },
};
