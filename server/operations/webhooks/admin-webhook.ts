/** Shared by the webhook operations: the administrateur acting, and the history event of a change. */
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client";
import { webhookSubscriptions } from "../../db/schema";
import type { EventPayload } from "../../domain/events/kinds";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";

export interface WebhookAdmin {
  administrateurId: number;
  userId: number;
  /** WEBHOOKS_ALLOW_PRIVATE_NETWORKS. */
  allowPrivate: boolean;
}

export function recordWebhooksChange(
  tx: Tx,
  admin: WebhookAdmin,
  demarcheId: number,
  payload: EventPayload<"demarche.webhooks_modifies">,
) {
  return recordEvent(tx, {
    kind: "demarche.webhooks_modifies",
    demarcheId,
    dossierId: null,
    actor: "administrateur",
    actorUserId: admin.userId,
    payload,
  });
}

/** A subscription of this (already scoped) démarche; NotFoundError otherwise. */
export async function findDemarcheSubscription(db: DbOrTx, demarcheId: number, subscriptionId: number, lock = false) {
  const query = db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, subscriptionId), eq(webhookSubscriptions.demarcheId, demarcheId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("WebhookSubscription");
  return row;
}
