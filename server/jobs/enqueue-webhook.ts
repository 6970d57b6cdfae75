/** Scheduling of webhook delivery sequences (see deliver-webhooks.job.ts). */
import type { DbOrTx } from "../db/client";
import { enqueueJob } from "./enqueue";

export function webhookSequenceKey(subscriptionId: number, dossierId: number | null): string {
  return `webhook:${subscriptionId}:${dossierId ?? "demarche"}`;
}

/** Schedules the sequence's job: `now` runs it at once (a replay), otherwise a pending retry keeps its delay. */
export async function enqueueWebhookSequence(
  db: DbOrTx,
  subscriptionId: number,
  dossierId: number | null,
  options: { runAt?: Date; now?: boolean } = {},
) {
  const key = webhookSequenceKey(subscriptionId, dossierId);
  await enqueueJob(
    db,
    "deliver-webhooks",
    { subscriptionId, dossierId },
    {
      jobKey: key,
      queueName: key,
      runAt: options.runAt,
      jobKeyMode: options.now || options.runAt ? "replace" : "preserve_run_at",
      maxAttempts: 25,
    },
  );
}
