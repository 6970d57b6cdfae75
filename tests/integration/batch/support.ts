/** Shared by the batch tests: a batch's items, the id of a created batch, and tab counters checked against a recount. */
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../../server/db/client";
import { batchOperationItems } from "../../../server/db/schema";
import type { createBatchOperation } from "../../../server/operations/batch/create-batch-operation";
import { countDossiersByTab } from "../../../server/queries/instructeur/counters";
import { recountTabs } from "../instructeur/helpers";

/** The kept tab counters of the instructeur on the démarche equal a full recount. */
export async function expectCountersExact(db: Db, instructeurId: number, demarcheId: number) {
  const now = new Date();
  const kept = (await countDossiersByTab(db, instructeurId, [demarcheId], now)).get(demarcheId);
  expect(kept).toEqual(await recountTabs(db, demarcheId, instructeurId, now));
}

/** A batch's items, by dossier. */
export async function batchItems(db: Db, batchOperationId: number) {
  return db
    .select({
      dossierId: batchOperationItems.dossierId,
      state: batchOperationItems.state,
      refusalCode: batchOperationItems.refusalCode,
    })
    .from(batchOperationItems)
    .where(eq(batchOperationItems.batchOperationId, batchOperationId))
    .orderBy(asc(batchOperationItems.dossierId));
}

/** The created batch's id; throws with the refusals otherwise. */
export function createdBatchId(result: Awaited<ReturnType<typeof createBatchOperation>>): number {
  if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result.refusals)}`);
  return result.batchOperationId;
}
