/** Every 10 minutes: batches whose job died are marked failed and their dossiers freed (`failStuckBatchOperations`). */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZBatchOperationSweep = z.object({}).passthrough();

export const batchOperationSweepJob = {
  payload: ZBatchOperationSweep,
  async run(_payload, { db, logger }) {
    const { failStuckBatchOperations } = await import("../operations/batch/fail-stuck-batch-operations");
    const failed = await failStuckBatchOperations(db);
    if (failed.length > 0) logger.warn({ batchOperationIds: failed }, "stuck batch operations marked failed");
  },
} satisfies JobDefinition<typeof ZBatchOperationSweep>;
