/**
 * Writes a large groupes CSV import (`groupes_imports` row) in chunks (`runGroupesImport`): a few
 * chunks per run, then the job enqueues itself again, so a 20,000-row import never holds a worker
 * for long and a run cut short resumes after the last committed chunk.
 */
import { z } from "zod";
import { storageFor } from "../integrations/storage";
import type { JobDefinition } from "./registry";

const ZPayload = z.object({ importId: z.number().int().positive() });

/** Chunks (about 1,000 rows each) per job run. */
const CHUNKS_PER_RUN = 10;

export const importGroupesJob: JobDefinition<typeof ZPayload> = {
  payload: ZPayload,
  async run({ importId }, { db, config, logger }) {
    // Lazy: the operations enqueue jobs, whose registry lists this job.
    const { runGroupesImport } = await import("../operations/groupes/run-groupes-import");
    const { enqueueJob } = await import("./enqueue");
    try {
      const left = await runGroupesImport(db, storageFor(config), importId, { chunks: CHUNKS_PER_RUN });
      if (left === "more") await enqueueJob(db, "import-groupes", { importId });
    } catch (error) {
      // The import is marked failed (what was committed stays); running it again would change nothing.
      logger.error({ err: error, importId }, "groupes import failed");
    }
  },
};
