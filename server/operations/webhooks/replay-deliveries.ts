/**
 * « Rejouer »: sends again one delivery, or every delivery of the démarche (optionally of one
 * subscription) created in a time range, at most MAX_REPLAY. A replay is a new row of the log
 * (`replay_of`), queued behind its sequence; the original stays as it was.
 */
import { and, asc, eq, gte, isNull, lt } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { webhookDeliveries } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { MAX_REPLAY } from "../../domain/webhooks/webhooks";
import { enqueueJob } from "../../jobs/enqueue";
import { enqueueWebhookSequence } from "../../jobs/enqueue-webhook";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { recordWebhooksChange, type WebhookAdmin } from "./admin-webhook";

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

async function replay(tx: Tx, rows: readonly DeliveryRow[]) {
  const sequences = new Map<string, { subscriptionId: number; dossierId: number | null }>();
  for (const row of rows) {
    const [copy] = await tx
      .insert(webhookDeliveries)
      .values({
        demarcheId: row.demarcheId,
        subscriptionId: row.subscriptionId,
        eventId: row.eventId,
        dossierId: row.dossierId,
        url: row.url,
        replayOf: row.replayOf ?? row.id,
      })
      .returning({ id: webhookDeliveries.id });
    if (row.subscriptionId === null) {
      if (copy) await enqueueJob(tx, "legacy-web-hook", { deliveryId: copy.id }, { maxAttempts: 1 });
    } else {
      sequences.set(`${row.subscriptionId}:${row.dossierId}`, { subscriptionId: row.subscriptionId, dossierId: row.dossierId });
    }
  }
  for (const { subscriptionId, dossierId } of sequences.values()) {
    await enqueueWebhookSequence(tx, subscriptionId, dossierId, { now: true });
  }
}

export async function replayDelivery(db: Db, admin: WebhookAdmin, demarcheId: number, deliveryId: number) {
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const [row] = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.demarcheId, demarcheId)));
    if (!row) throw new NotFoundError("WebhookDelivery");
    await replay(tx, [row]);
    await recordWebhooksChange(tx, admin, demarcheId, { change: "replayed", count: 1 });
  });
}

export async function replayDeliveriesBetween(
  db: Db,
  admin: WebhookAdmin,
  demarcheId: number,
  input: { from: Date | null; to: Date | null; subscriptionId: number | null },
): Promise<OperationResult<{ count: number }>> {
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  if (!input.from) return refuse("date_invalid", "from");
  if (!input.to) return refuse("date_invalid", "to");
  if (input.to <= input.from) return refuse("range_invalid", "to");
  const { from, to } = input;
  return db.transaction(async (tx): Promise<OperationResult<{ count: number }>> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const rows = await tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.demarcheId, demarcheId),
          gte(webhookDeliveries.createdAt, from),
          lt(webhookDeliveries.createdAt, to),
          // Only originals: replaying a range twice sends each event once more each time, not doubling.
          isNull(webhookDeliveries.replayOf),
          input.subscriptionId === null ? undefined : eq(webhookDeliveries.subscriptionId, input.subscriptionId),
        ),
      )
      .orderBy(asc(webhookDeliveries.id))
      .limit(MAX_REPLAY + 1);
    const originals = rows;
    if (originals.length > MAX_REPLAY) return refuse("too_many_replays", "form", { max: MAX_REPLAY });
    if (originals.length === 0) return refuse("nothing_to_replay", "form");
    await replay(tx, originals);
    await recordWebhooksChange(tx, admin, demarcheId, { change: "replayed", count: originals.length });
    return { ok: true, count: originals.length };
  });
}
