/**
 * The démarche's attestations (the reference's `attestation_templates`): their kinds and the
 * limits of their texts, shared by the server (`server/domain/attestations`) and the admin page.
 */

/** Acceptation (sent when a dossier is accepted) and refus (refused). */
export const ATTESTATION_TEMPLATE_KINDS = ["acceptation", "refus"] as const;
export type AttestationTemplateKind = (typeof ATTESTATION_TEMPLATE_KINDS)[number];

export function isAttestationTemplateKind(value: unknown): value is AttestationTemplateKind {
  return typeof value === "string" && (ATTESTATION_TEMPLATE_KINDS as readonly string[]).includes(value);
}

export const ATTESTATION_TITLE_MAX_LENGTH = 200;
export const ATTESTATION_BODY_MAX_LENGTH = 10_000;
/** As the reference (`footer` ≤ 190 characters). */
export const ATTESTATION_FOOTER_MAX_LENGTH = 190;
/** Logo and signature images: PNG or JPEG up to 1 MB, as the reference. */
export const ATTESTATION_IMAGE_MAX_BYTES = 1024 * 1024;
export const ATTESTATION_IMAGE_KINDS = ["logo", "signature"] as const;
export type AttestationImageKind = (typeof ATTESTATION_IMAGE_KINDS)[number];
