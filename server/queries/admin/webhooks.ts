/** The webhooks page of the administrateur: the démarche (scoped), its subscriptions, its legacy URL and the delivery log. */
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { events, webhookDeliveries, webhookSubscriptions } from "../../db/schema";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export const DELIVERY_LOG_SIZE = 100;

export async function loadDemarcheWebhooks(
  db: DbOrTx,
  administrateurId: number,
  demarcheId: number,
  filter: { subscriptionId: number | null; status: "pending" | "delivered" | "failed" | null },
) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  const subscriptions = await db
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      kinds: webhookSubscriptions.eventKinds,
      enabled: webhookSubscriptions.enabled,
      createdAt: webhookSubscriptions.createdAt,
      pending: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'pending')`,
      failed: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'failed')`,
    })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.demarcheId, demarche.id))
    .orderBy(webhookSubscriptions.id);
  const where = and(
    eq(webhookDeliveries.demarcheId, demarche.id),
    filter.subscriptionId === null ? undefined : eq(webhookDeliveries.subscriptionId, filter.subscriptionId),
    filter.status === null ? undefined : eq(webhookDeliveries.status, filter.status),
  );
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      subscriptionId: webhookDeliveries.subscriptionId,
      kind: events.kind,
      dossierId: webhookDeliveries.dossierId,
      url: webhookDeliveries.url,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseCode: webhookDeliveries.responseCode,
      durationMs: webhookDeliveries.durationMs,
      error: webhookDeliveries.error,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      replayOf: webhookDeliveries.replayOf,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(where)
    .orderBy(desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_SIZE);
  const [total] = await db.select({ n: count() }).from(webhookDeliveries).where(where);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state, webHookUrl: demarche.webHookUrl },
    subscriptions,
    deliveries,
    total: total?.n ?? 0,
  };
}
