/**
 * Sends the pending deliveries of one subscription for one dossier (or for the démarche itself),
 * oldest first: a delivery waits for the previous one of its sequence. The job runs in a graphile
 * queue named after the sequence (one job at a time per sequence); a failure records the attempt
 * and schedules the sequence again after an exponential backoff, so later events wait behind it;
 * after MAX_DELIVERY_ATTEMPTS the delivery is given up (`failed`) and the next one goes.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { events, webhookDeliveries, webhookSubscriptions } from "../db/schema";
import {
  DELIVERIES_PER_RUN,
  DELIVERY_HEADER,
  EVENT_HEADER,
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
  webhookBody,
} from "../domain/webhooks/webhooks";
import { signedHeaders } from "../domain/webhooks/signature";
import { postWebhook } from "../integrations/webhook-http";
import type { JobDefinition } from "./registry";

const ZDeliverWebhooks = z.object({
  subscriptionId: z.number().int().positive(),
  dossierId: z.number().int().positive().nullable(),
});

export const deliverWebhooksJob = {
  payload: ZDeliverWebhooks,
  async run({ subscriptionId, dossierId }, { db, config, logger }) {
    const [subscription] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId));
    // Deleted: its deliveries went with it. Disabled: they wait until it is enabled again.
    if (!subscription?.enabled) return;
    // Lazy: the enqueuing side imports the registry, which lists this job.
    const { enqueueWebhookSequence } = await import("./enqueue-webhook");
    for (let sent = 0; sent < DELIVERIES_PER_RUN; sent++) {
      const [delivery] = await db
        .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts, event: events })
        .from(webhookDeliveries)
        .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
        .where(
          and(
            eq(webhookDeliveries.subscriptionId, subscriptionId),
            dossierId === null ? isNull(webhookDeliveries.dossierId) : eq(webhookDeliveries.dossierId, dossierId),
            eq(webhookDeliveries.status, "pending"),
          ),
        )
        .orderBy(asc(webhookDeliveries.id))
        .limit(1);
      if (!delivery) return;
      const body = webhookBody(delivery.id, delivery.event);
      const result = await postWebhook({
        url: subscription.url,
        contentType: "application/json",
        body,
        headers: {
          ...signedHeaders(subscription.secret, body, new Date()),
          [EVENT_HEADER]: delivery.event.kind,
          [DELIVERY_HEADER]: String(delivery.id),
        },
        timeoutMs: config.webhooks.timeoutMs,
        allowPrivate: config.webhooks.allowPrivateNetworks,
      });
      const attempts = delivery.attempts + 1;
      const status = result.ok ? "delivered" : attempts >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending";
      await db
        .update(webhookDeliveries)
        .set({
          status,
          attempts,
          url: subscription.url,
          responseCode: result.status,
          durationMs: result.durationMs,
          error: result.error,
          lastAttemptAt: sql`now()`,
          deliveredAt: result.ok ? sql`now()` : null,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
      if (status === "pending") {
        logger.info({ delivery: delivery.id, attempts, error: result.error }, "webhook delivery failed, retried later");
        await enqueueWebhookSequence(db, subscriptionId, dossierId, { runAt: new Date(Date.now() + retryDelayMs(attempts)) });
        return;
      }
      if (status === "failed") logger.warn({ delivery: delivery.id, attempts }, "webhook delivery given up");
    }
    // A long backlog: hand over to a fresh job rather than holding this worker.
    await enqueueWebhookSequence(db, subscriptionId, dossierId, { now: true });
  },
} satisfies JobDefinition<typeof ZDeliverWebhooks>;
