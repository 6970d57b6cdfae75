/**
 * Links to a file that work without a session for one hour, as the reference's expiring storage
 * URLs: the API (`File.url`) gives them to clients already authorised by their token. The
 * signature is an HMAC of the attachment id and the expiry with the application's secret.
 */
import { hmac, safeEqual } from "../../security/tokens";

export const SIGNED_URL_TTL_SECONDS = 3600;

function signature(secret: string, attachmentId: string, expires: number): string {
  return hmac(secret, `file:${attachmentId}:${expires}`);
}

export function downloadPath(attachmentId: string): string {
  return `/pieces-jointes/${attachmentId}`;
}

export function signedDownloadUrl(
  config: { appUrl: string; sessionSecret: string },
  attachmentId: string,
  now = Date.now(),
): string {
  const expires = Math.floor(now / 1000) + SIGNED_URL_TTL_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(config.sessionSecret, attachmentId, expires),
  });
  return `${config.appUrl}${downloadPath(attachmentId)}?${query}`;
}

/** True for a signature of this attachment that has not expired. */
export function isValidSignedDownload(
  secret: string,
  attachmentId: string,
  query: { expires?: unknown; signature?: unknown },
  now = Date.now(),
): boolean {
  if (typeof query.expires !== "string" || typeof query.signature !== "string" || !/^\d{1,12}$/.test(query.expires)) return false;
  const expires = Number(query.expires);
  if (expires * 1000 < now) return false;
  return safeEqual(signature(secret, attachmentId, expires), query.signature);
}
