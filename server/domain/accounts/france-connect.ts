/**
 * FranceConnect's identity, as this platform reads it: the claims of the userinfo endpoint validated
 * (a missing e-mail or a malformed claim is a refusal the callback page explains, never an account),
 * and the civilité of the identity step derived from `gender`.
 */
import { z } from "zod";

/** FranceConnect's `gender` → the dossier's civilité (the reference: female → Mme, otherwise M.). */
export function civiliteFromGender(gender: string | null | undefined): "M." | "Mme" | null {
  if (gender === "female") return "Mme";
  if (gender === "male") return "M.";
  return null;
}

const ZClaims = z.object({
  sub: z.string().trim().min(1).max(255),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  given_name: z.string().trim().min(1).max(200),
  family_name: z.string().trim().min(1).max(200),
  birthdate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))
    .nullish(),
  gender: z.enum(["male", "female"]).nullish(),
});

export interface FranceConnectIdentity {
  sub: string;
  email: string;
  givenName: string;
  familyName: string;
  birthdate: string | null;
  gender: "male" | "female" | null;
}

export type ClaimsRefusal = "missing_email" | "invalid_claims";

/** The identity of FranceConnect's claims, or why it cannot be used. */
export function parseFranceConnectClaims(
  claims: Record<string, unknown>,
): { ok: true; identity: FranceConnectIdentity } | { ok: false; reason: ClaimsRefusal } {
  const email = claims.email;
  if (typeof email !== "string" || email.trim() === "") return { ok: false, reason: "missing_email" };
  const parsed = ZClaims.safeParse(claims);
  if (!parsed.success) return { ok: false, reason: "invalid_claims" };
  const c = parsed.data;
  return {
    ok: true,
    identity: {
      sub: c.sub,
      email: c.email,
      givenName: c.given_name,
      familyName: c.family_name,
      birthdate: c.birthdate ?? null,
      gender: c.gender ?? null,
    },
  };
}

/** The levels of guarantee accepted in the ID token's `acr` (what was asked: eidas1, or higher). */
export const ACCEPTED_ACR = ["eidas1", "eidas2", "eidas3"] as const;

export function acceptableAcr(acr: unknown): boolean {
  return typeof acr === "string" && (ACCEPTED_ACR as readonly string[]).includes(acr);
}
