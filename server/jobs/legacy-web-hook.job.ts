/**
 * The reference's `web_hook_url` (WebHookJob): one form-encoded POST `{procedure_id, dossier_id,
 * state, updated_at}` per state change, 10 s timeout by default; a failure is only logged (in the
 * delivery log too), never retried, as the reference does.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { demarches, events, webhookDeliveries } from "../db/schema";
import { legacyWebHookBody } from "../domain/webhooks/webhooks";
import { postWebhook } from "../integrations/webhook-http";
import type { JobDefinition } from "./registry";

const ZLegacyWebHook = z.object({ deliveryId: z.number().int().positive() });

export const legacyWebHookJob = {
  payload: ZLegacyWebHook,
  async run({ deliveryId }, { db, config, logger }) {
    const [row] = await db
      .select({ delivery: webhookDeliveries, event: events, webHookUrl: demarches.webHookUrl })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .innerJoin(demarches, eq(demarches.id, webhookDeliveries.demarcheId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row || row.delivery.status !== "pending" || row.event.dossierId === null) return;
    const url = row.webHookUrl ?? row.delivery.url;
    const state = (row.event.payload as { to?: unknown }).to;
    const result = await postWebhook({
      url,
      contentType: "application/x-www-form-urlencoded",
      body: legacyWebHookBody({
        demarcheId: row.event.demarcheId,
        dossierId: row.event.dossierId,
        state: typeof state === "string" ? state : "",
        updatedAt: row.event.createdAt,
      }),
      timeoutMs: config.webhooks.timeoutMs,
      allowPrivate: config.webhooks.allowPrivateNetworks,
    });
    await db
      .update(webhookDeliveries)
      .set({
        status: result.ok ? "delivered" : "failed",
        attempts: row.delivery.attempts + 1,
        url,
        responseCode: result.status,
        durationMs: result.durationMs,
        error: result.error,
        lastAttemptAt: sql`now()`,
        deliveredAt: result.ok ? sql`now()` : null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!result.ok) logger.warn({ delivery: deliveryId, status: result.status, error: result.error }, "web_hook_url failed");
  },
} satisfies JobDefinition<typeof ZLegacyWebHook>;
