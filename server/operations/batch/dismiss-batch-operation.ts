/**
 * The instructeur hides a finished batch's report from their list. Only their own batches of this
 * démarche (anything else → NotFoundError, nothing changes); a running batch cannot be dismissed.
 * Hiding a report already hidden (a second click, another tab) changes nothing and is no error.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { batchOperations } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { type OperationResult, refuse } from "../../refusal";

export async function dismissBatchOperation(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  batchOperationId: number,
): Promise<OperationResult> {
  if (!Number.isSafeInteger(batchOperationId) || batchOperationId <= 0) throw new NotFoundError("BatchOperation");
  const mine = and(
    eq(batchOperations.id, batchOperationId),
    eq(batchOperations.instructeurId, instructeurId),
    eq(batchOperations.demarcheId, demarcheId),
  );
  const [batch] = await db
    .select({ state: batchOperations.state, dismissedAt: batchOperations.dismissedAt })
    .from(batchOperations)
    .where(mine)
    .limit(1);
  if (!batch) throw new NotFoundError("BatchOperation");
  if (batch.dismissedAt) return { ok: true };
  if (batch.state === "running") return refuse("still_running");
  await db
    .update(batchOperations)
    .set({ dismissedAt: new Date() })
    .where(and(mine, isNull(batchOperations.dismissedAt)));
  return { ok: true };
}
