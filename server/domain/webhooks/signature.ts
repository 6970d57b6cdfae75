/**
 * Signing of webhook deliveries: HMAC-SHA256 with the subscription's secret over
 * `${timestamp}.${body}`, sent as `X-Guichet-Signature: v1=<hex>` with `X-Guichet-Timestamp`.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./webhooks";

/** A new secret: 32 random bytes, base64url, prefixed so that it is recognisable in a vault. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The headers of one signed POST (the timestamp in seconds, as sent). */
export function signedHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: `v1=${webhookSignature(secret, timestamp, body)}`,
  };
}

/** The receiver's check (as documented in docs/api.md): right signature, timestamp within `toleranceSeconds`. */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const given = /^v1=([0-9a-f]{64})$/.exec(headers.signature ?? "")?.[1];
  if (!given) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(webhookSignature(secret, timestamp, body), "hex"));
}
