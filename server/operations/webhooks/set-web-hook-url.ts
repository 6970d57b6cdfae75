/** The administrateur sets or clears the reference's `web_hook_url` of the démarche (same URL checks as subscriptions). */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import type { OperationResult } from "../../refusal";
import { recordWebhooksChange, type WebhookAdmin } from "./admin-webhook";
import { checkReceiverUrl } from "./check-receiver";

export async function setWebHookUrl(db: Db, admin: WebhookAdmin, demarcheId: number, input: unknown): Promise<OperationResult> {
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const text = typeof input === "string" ? input.trim() : "";
  let url: string | null = null;
  if (text !== "") {
    const checked = await checkReceiverUrl(text, admin.allowPrivate, "webHookUrl");
    if (!checked.ok) return { ok: false, refusals: [checked.refusal] };
    url = checked.url;
  }
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    await tx.update(demarches).set({ webHookUrl: url, updatedAt: sql`now()` }).where(eq(demarches.id, demarcheId));
    await recordWebhooksChange(tx, admin, demarcheId, { change: "web_hook_url" });
  });
  return { ok: true };
}
