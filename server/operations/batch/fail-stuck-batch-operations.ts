/**
 * The sweep of stuck batches (cron `batch-operation-sweep`, as the reference purges a batch stuck
 * for 24 hours): a running batch with no dossier processed for `BATCH_STUCK_AFTER_MS` has lost its
 * job. It becomes `failed` and its pending items are refused with `batch_interrupted`, which frees
 * their dossiers for another batch (the partial unique index only holds pending items). One
 * transaction; an item being processed right now keeps its lock and its result (the update waits,
 * then finds it no longer pending). Changes no dossier: no event.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { batchOperationItems, batchOperations } from "../../db/schema";
import { BATCH_STUCK_AFTER_MS } from "../../domain/batch/batch";

export async function failStuckBatchOperations(db: Db, now = new Date()): Promise<number[]> {
  const cutoff = new Date(now.getTime() - BATCH_STUCK_AFTER_MS).toISOString();
  return db.transaction(async (tx) => {
    const failed = await tx
      .update(batchOperations)
      .set({ state: "failed", finishedAt: sql`now()` })
      .where(
        and(
          eq(batchOperations.state, "running"),
          sql`coalesce((select max(i.processed_at) from ${batchOperationItems} i where i.batch_operation_id = ${batchOperations.id}), ${batchOperations.createdAt}) < ${cutoff}::timestamptz`,
        ),
      )
      .returning({ id: batchOperations.id });
    const ids = failed.map((b) => b.id);
    if (ids.length > 0) {
      await tx
        .update(batchOperationItems)
        .set({ state: "refused", refusalCode: "batch_interrupted", refusalParams: null, processedAt: sql`now()` })
        .where(and(inArray(batchOperationItems.batchOperationId, ids), eq(batchOperationItems.state, "pending")));
    }
    return ids;
  });
}
