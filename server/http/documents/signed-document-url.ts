/**
 * Links to a generated document that work without a session for one hour, as the attachments'
 * signed links (`../uploads/signed-url.ts`): the API (`Dossier.pdf`) gives them to clients already
 * authorised by their token. The HMAC covers the document kind, the dossier and the expiry.
 */
import { hmac, safeEqual } from "../../security/tokens";
import { SIGNED_URL_TTL_SECONDS } from "../uploads/signed-url";

export type SignedDocumentKind = "dossier-pdf" | "attestation";

function signature(secret: string, kind: SignedDocumentKind, dossierId: number, expires: number): string {
  return hmac(secret, `document:${kind}:${dossierId}:${expires}`);
}

/** Path of the API's copy of a dossier's PDF (the signature is its only authorization). */
export function apiDossierPdfPath(dossierId: number): string {
  return `/api/v2/dossiers/${dossierId}/pdf`;
}

export function signedDossierPdfUrl(config: { appUrl: string; sessionSecret: string }, dossierId: number, now = Date.now()) {
  const expires = Math.floor(now / 1000) + SIGNED_URL_TTL_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(config.sessionSecret, "dossier-pdf", dossierId, expires),
  });
  return { url: `${config.appUrl}${apiDossierPdfPath(dossierId)}?${query}`, expiresAt: new Date(expires * 1000) };
}

/** Path of the API's copy of a dossier's attestation (`Dossier.attestation`). */
export function apiAttestationPath(dossierId: number): string {
  return `/api/v2/dossiers/${dossierId}/attestation`;
}

export function signedAttestationUrl(config: { appUrl: string; sessionSecret: string }, dossierId: number, now = Date.now()) {
  const expires = Math.floor(now / 1000) + SIGNED_URL_TTL_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(config.sessionSecret, "attestation", dossierId, expires),
  });
  return { url: `${config.appUrl}${apiAttestationPath(dossierId)}?${query}`, expiresAt: new Date(expires * 1000) };
}

export function isValidSignedDocument(
  secret: string,
  kind: SignedDocumentKind,
  dossierId: number,
  query: { expires?: unknown; signature?: unknown },
  now = Date.now(),
): boolean {
  if (typeof query.expires !== "string" || typeof query.signature !== "string" || !/^\d{1,12}$/.test(query.expires)) return false;
  const expires = Number(query.expires);
  if (expires * 1000 < now) return false;
  return safeEqual(signature(secret, kind, dossierId, expires), query.signature);
}
