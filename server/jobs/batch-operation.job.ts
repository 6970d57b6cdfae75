/**
 * Runs an instructeur's batch (`createBatchOperation` enqueues it, key `batch-operation-<id>`):
 * dossier by dossier through the single-dossier operations. A retry, or a second run, resumes
 * with the items still pending.
 */
import { z } from "zod";
import type { JobDefinition } from "./registry";

const ZBatchOperation = z.object({ batchOperationId: z.number().int().positive() }).passthrough();

export const batchOperationJob = {
  payload: ZBatchOperation,
  async run(payload, { db, logger }) {
    // Imported when run: the operations enqueue mails through the registry that lists this job.
    const { runBatchOperation } = await import("../operations/batch/run-batch-operation");
    const { processed } = await runBatchOperation(db, payload.batchOperationId);
    logger.info({ batchOperationId: payload.batchOperationId, processed }, "batch operation processed");
  },
} satisfies JobDefinition<typeof ZBatchOperation>;
