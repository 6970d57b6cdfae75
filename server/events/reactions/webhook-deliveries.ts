/**
 * Webhooks react to every event (decision 0009): for each enabled subscription of the démarche that
 * chose the event's kind, a pending delivery row and its sequence's job; for a state change (not to
 * brouillon) of a démarche with the reference's `web_hook_url`, a legacy delivery. Only rows and
 * jobs here: the HTTP calls happen in the jobs, after commit, and never block or roll back the
 * change.
 */
import { and, eq } from "drizzle-orm";
import { demarches, webhookDeliveries, webhookSubscriptions } from "../../db/schema";
import { EVENT_KINDS, type EventKind } from "../../domain/events/kinds";
import { subscribes } from "../../domain/webhooks/webhooks";
import { enqueueJob } from "../../jobs/enqueue";
import { enqueueWebhookSequence } from "../../jobs/enqueue-webhook";
import { defineReaction } from "../reaction";

export const webhookDeliveriesReaction = defineReaction({
  name: "webhook-deliveries",
  kinds: Object.keys(EVENT_KINDS) as EventKind[],
  async react(tx, event) {
    const subscriptions = await tx
      .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, kinds: webhookSubscriptions.eventKinds })
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.demarcheId, event.demarcheId), eq(webhookSubscriptions.enabled, true)));
    for (const subscription of subscriptions) {
      if (!subscribes(subscription.kinds, event.kind)) continue;
      await tx.insert(webhookDeliveries).values({
        demarcheId: event.demarcheId,
        subscriptionId: subscription.id,
        eventId: event.id,
        dossierId: event.dossierId,
        url: subscription.url,
      });
      await enqueueWebhookSequence(tx, subscription.id, event.dossierId);
    }
    // The reference posts when the dossier's state changed, except to brouillon.
    const { from, to } = event.payload as { from?: unknown; to?: unknown };
    if (event.dossierId === null || typeof to !== "string" || to === "brouillon" || from === to) return;
    const [demarche] = await tx
      .select({ webHookUrl: demarches.webHookUrl })
      .from(demarches)
      .where(eq(demarches.id, event.demarcheId));
    if (!demarche?.webHookUrl) return;
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ demarcheId: event.demarcheId, eventId: event.id, dossierId: event.dossierId, url: demarche.webHookUrl })
      .returning({ id: webhookDeliveries.id });
    if (delivery) await enqueueJob(tx, "legacy-web-hook", { deliveryId: delivery.id }, { maxAttempts: 1 });
  },
});
