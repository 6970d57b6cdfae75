/**
 * The administrateur creates a webhook subscription (a new secret, returned once) or changes one
 * (URL, event kinds, enabled). The URL must be http(s) and resolve to public addresses only.
 * Enabling a subscription again sends what waited meanwhile.
 */
import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { webhookDeliveries, webhookSubscriptions } from "../../db/schema";
import { generateWebhookSecret } from "../../domain/webhooks/signature";
import { MAX_SUBSCRIPTIONS_PER_DEMARCHE, parseEventKinds } from "../../domain/webhooks/webhooks";
import { enqueueWebhookSequence } from "../../jobs/enqueue-webhook";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, type Refusal, refuse } from "../../refusal";
import { findDemarcheSubscription, recordWebhooksChange, type WebhookAdmin } from "./admin-webhook";
import { checkReceiverUrl } from "./check-receiver";

export interface SubscriptionInput {
  url: unknown;
  kinds: readonly unknown[];
  enabled?: boolean;
}

async function checkInput(input: SubscriptionInput, allowPrivate: boolean) {
  const refusals: Refusal[] = [];
  const url = await checkReceiverUrl(input.url, allowPrivate);
  if (!url.ok) refusals.push(url.refusal);
  const kinds = parseEventKinds(input.kinds);
  if (!kinds.ok) refusals.push({ code: "kinds_invalid", field: "kinds" });
  if (!url.ok || !kinds.ok) return { ok: false as const, refusals };
  return { ok: true as const, url: url.url, kinds: kinds.kinds };
}

export async function createSubscription(
  db: Db,
  admin: WebhookAdmin,
  demarcheId: number,
  input: SubscriptionInput,
): Promise<OperationResult<{ subscriptionId: number; secret: string }>> {
  // Scope before looking at the input: another administrateur gets 404.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const checked = await checkInput(input, admin.allowPrivate);
  if (!checked.ok) return checked;
  return db.transaction(async (tx): Promise<OperationResult<{ subscriptionId: number; secret: string }>> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.demarcheId, demarcheId));
    if ((existing?.n ?? 0) >= MAX_SUBSCRIPTIONS_PER_DEMARCHE)
      return refuse("too_many", "form", { max: MAX_SUBSCRIPTIONS_PER_DEMARCHE });
    const secret = generateWebhookSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ demarcheId, url: checked.url, eventKinds: checked.kinds, secret })
      .returning({ id: webhookSubscriptions.id });
    const subscriptionId = row?.id as number;
    await recordWebhooksChange(tx, admin, demarcheId, { change: "created", subscriptionId });
    return { ok: true, subscriptionId, secret };
  });
}

export async function updateSubscription(
  db: Db,
  admin: WebhookAdmin,
  demarcheId: number,
  subscriptionId: number,
  input: SubscriptionInput,
): Promise<OperationResult> {
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  await findDemarcheSubscription(db, demarcheId, subscriptionId);
  const checked = await checkInput(input, admin.allowPrivate);
  if (!checked.ok) return checked;
  return db.transaction(async (tx): Promise<OperationResult> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const before = await findDemarcheSubscription(tx, demarcheId, subscriptionId, true);
    const enabled = input.enabled ?? before.enabled;
    await tx
      .update(webhookSubscriptions)
      .set({ url: checked.url, eventKinds: checked.kinds, enabled, updatedAt: sql`now()` })
      .where(eq(webhookSubscriptions.id, subscriptionId));
    if (enabled && !before.enabled) {
      const waiting = await tx
        .selectDistinct({ dossierId: webhookDeliveries.dossierId })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.status, "pending")));
      for (const { dossierId } of waiting) await enqueueWebhookSequence(tx, subscriptionId, dossierId, { now: true });
    }
    await recordWebhooksChange(tx, admin, demarcheId, { change: "updated", subscriptionId });
    return { ok: true };
  });
}

export async function deleteSubscription(db: Db, admin: WebhookAdmin, demarcheId: number, subscriptionId: number) {
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    await findDemarcheSubscription(tx, demarcheId, subscriptionId, true);
    // Its deliveries (and their log) go with it (foreign key cascade); queued jobs find nothing.
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, subscriptionId));
    await recordWebhooksChange(tx, admin, demarcheId, { change: "deleted", subscriptionId });
  });
}
