/**
 * The batches an instructeur started on one démarche and has not dismissed (the list's « Actions
 * en masse » block): progress while running, then each dossier's success or refusal. Two indexed
 * queries, at most 10 batches.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { batchOperationItems, batchOperations } from "../../db/schema";

export interface BatchItemView {
  dossierId: number;
  state: "pending" | "succeeded" | "refused";
  refusalCode: string | null;
  refusalParams: Record<string, string | number> | null;
}

export interface BatchView {
  id: number;
  kind: string;
  state: "running" | "finished" | "failed";
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
  done: number;
  succeeded: number[];
  refused: BatchItemView[];
}

export async function listBatchOperations(db: DbOrTx, instructeurId: number, demarcheId: number): Promise<BatchView[]> {
  const batches = await db
    .select({
      id: batchOperations.id,
      kind: batchOperations.kind,
      state: batchOperations.state,
      createdAt: batchOperations.createdAt,
      finishedAt: batchOperations.finishedAt,
    })
    .from(batchOperations)
    .where(
      and(
        eq(batchOperations.instructeurId, instructeurId),
        eq(batchOperations.demarcheId, demarcheId),
        isNull(batchOperations.dismissedAt),
      ),
    )
    .orderBy(desc(batchOperations.id))
    .limit(10);
  if (batches.length === 0) return [];
  const items = await db
    .select({
      batchOperationId: batchOperationItems.batchOperationId,
      dossierId: batchOperationItems.dossierId,
      state: batchOperationItems.state,
      refusalCode: batchOperationItems.refusalCode,
      refusalParams: batchOperationItems.refusalParams,
    })
    .from(batchOperationItems)
    .where(
      inArray(
        batchOperationItems.batchOperationId,
        batches.map((b) => b.id),
      ),
    )
    .orderBy(asc(batchOperationItems.batchOperationId), asc(batchOperationItems.dossierId));
  return batches.map((batch) => {
    const own = items.filter((item) => item.batchOperationId === batch.id);
    return {
      ...batch,
      total: own.length,
      done: own.filter((item) => item.state !== "pending").length,
      succeeded: own.filter((item) => item.state === "succeeded").map((item) => item.dossierId),
      refused: own
        .filter((item) => item.state === "refused")
        .map(({ dossierId, state, refusalCode, refusalParams }) => ({ dossierId, state, refusalCode, refusalParams })),
    };
  });
}
