import { ATTESTATION_IMAGE_KINDS, ATTESTATION_IMAGE_MAX_BYTES, type AttestationImageKind } from "../../../common/attestations";

export type { AttestationImageKind };

/**
 * The files of a démarche's presentation (logo, notice, délibération) and of its attestation
 * templates (logo, signature): what each accepts, as the reference's validations (logo and
 * attestation images PNG/JPEG, here WebP too, re-encoded as PNG in a bounded box — the reference's
 * 400 × 400 logo variant; notice and délibération as PDF up to 20 MB).
 */
export const DEMARCHE_FILE_KINDS = ["logo", "notice", "deliberation"] as const;
export type DemarcheFileKind = (typeof DEMARCHE_FILE_KINDS)[number];

const IMAGES = ["image/png", "image/jpeg", "image/webp"] as const;
const MB = 1024 * 1024;

interface FileSpec {
  accepted: readonly string[];
  maxBytes: number;
  image?: { maxWidth: number; maxHeight: number };
}

export const DEMARCHE_FILE_SPECS = {
  logo: { accepted: IMAGES, maxBytes: 5 * MB, image: { maxWidth: 400, maxHeight: 400 } },
  notice: { accepted: ["application/pdf"], maxBytes: 20 * MB },
  deliberation: { accepted: ["application/pdf"], maxBytes: 20 * MB },
} as const satisfies Record<DemarcheFileKind, FileSpec>;

export const ATTESTATION_IMAGE_SPECS = {
  logo: { accepted: IMAGES, maxBytes: ATTESTATION_IMAGE_MAX_BYTES, image: { maxWidth: 400, maxHeight: 400 } },
  signature: { accepted: IMAGES, maxBytes: ATTESTATION_IMAGE_MAX_BYTES, image: { maxWidth: 800, maxHeight: 400 } },
} as const satisfies Record<AttestationImageKind, FileSpec>;

/** The attachments purpose of each démarche file. */
export const DEMARCHE_FILE_PURPOSE = {
  logo: "demarche_logo",
  notice: "demarche_notice",
  deliberation: "demarche_deliberation",
} as const satisfies Record<DemarcheFileKind, string>;

export function isDemarcheFileKind(value: unknown): value is DemarcheFileKind {
  return typeof value === "string" && (DEMARCHE_FILE_KINDS as readonly string[]).includes(value);
}

export function isAttestationImageKind(value: unknown): value is AttestationImageKind {
  return typeof value === "string" && (ATTESTATION_IMAGE_KINDS as readonly string[]).includes(value);
}
