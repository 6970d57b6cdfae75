/** A receiver URL as typed: its syntax (domain rule), then its addresses (SSRF guard), as refusals on `field`. */
import { parseWebhookUrl } from "../../domain/webhooks/webhooks";
import { checkOutboundUrl } from "../../security/outbound-url";
import type { Refusal } from "../../refusal";

export async function checkReceiverUrl(
  input: unknown,
  allowPrivate: boolean,
  field = "url",
): Promise<{ ok: true; url: string } | { ok: false; refusal: Refusal }> {
  const parsed = parseWebhookUrl(input);
  if (!parsed.ok) return { ok: false, refusal: { code: `url_${parsed.code}`, field } };
  const refusal = await checkOutboundUrl(parsed.url, allowPrivate);
  if (refusal) return { ok: false, refusal: { code: `url_${refusal}`, field } };
  return { ok: true, url: parsed.url };
}
