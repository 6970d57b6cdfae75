/**
 * The two signed strings of the API's two-step upload (`createDirectUpload`, as the reference's
 * ActiveStorage direct uploads):
 *
 * - the upload URL `PUT /api/v2/direct-uploads/<ticket>`: the ticket carries what the client
 *   announced (blob id, dossier, file name, size, base64 MD5, content type) and an expiry, signed
 *   with the application's secret, so nothing is stored before the bytes arrive;
 * - the `signedBlobId` `<blob id>--<signature>` that mutations accept as `attachment` or
 *   `justificatif`; it never expires (as the reference's `signed_id`), the blob row does.
 */
import { z } from "zod";
import { hmac, safeEqual } from "../../security/tokens";

/** How long the upload URL stays valid once created. */
export const DIRECT_UPLOAD_TTL_SECONDS = 3600;

export interface DirectUploadTicket {
  blobId: string;
  dossierId: number;
  filename: string;
  byteSize: number;
  /** Base64 MD5 of the bytes, as announced. */
  checksum: string;
  contentType: string;
  /** Epoch seconds. */
  expires: number;
}

const ZTicket = z.object({
  blobId: z.string().uuid(),
  dossierId: z.number().int().positive(),
  filename: z.string().min(1).max(255),
  byteSize: z.number().int().positive(),
  checksum: z.string().min(1).max(100),
  contentType: z.string().min(1).max(255),
  expires: z.number().int(),
});

export const DIRECT_UPLOAD_PATH = "/api/v2/direct-uploads";

export function signDirectUploadTicket(secret: string, ticket: DirectUploadTicket): string {
  const payload = Buffer.from(JSON.stringify(ticket), "utf8").toString("base64url");
  return `${payload}.${hmac(secret, `direct-upload:${payload}`)}`;
}

/** The ticket when its signature is ours and it has not expired; otherwise why not. */
export function readDirectUploadTicket(
  secret: string,
  signed: string,
  now = Date.now(),
): { ok: true; ticket: DirectUploadTicket } | { ok: false; reason: "invalid" | "expired" } {
  const [payload, signature, extra] = signed.split(".");
  if (!payload || !signature || extra !== undefined || signed.length > 4000) return { ok: false, reason: "invalid" };
  if (!safeEqual(hmac(secret, `direct-upload:${payload}`), signature)) return { ok: false, reason: "invalid" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const ticket = ZTicket.safeParse(parsed);
  if (!ticket.success) return { ok: false, reason: "invalid" };
  if (ticket.data.expires * 1000 < now) return { ok: false, reason: "expired" };
  return { ok: true, ticket: ticket.data };
}

export function signBlobId(secret: string, blobId: string): string {
  return `${blobId}--${hmac(secret, `blob:${blobId}`)}`;
}

/** The blob id of a `signedBlobId` we signed; null otherwise. */
export function readSignedBlobId(secret: string, signed: string): string | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})--([A-Za-z0-9_-]{20,100})$/.exec(signed);
  if (!match?.[1] || !match[2]) return null;
  return safeEqual(hmac(secret, `blob:${match[1]}`), match[2]) ? match[1] : null;
}
