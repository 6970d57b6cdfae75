/**
 * Creates an API token for an administrateur and returns its bearer string, the only time it is
 * ever available: the database keeps SHA-256 of the secret (see server/graphql/auth.ts).
 * Used by the « Jetons d'API » page (administrateur by id) and the CLI (by e-mail).
 *
 * Refusal codes are keys of `jetons.errors.<code>`: name_required, name_too_long,
 * demarche_not_found (a démarche the administrateur does not administer, reported like one that
 * does not exist), expires_at_invalid, expires_at_past, expires_at_too_far, networks_invalid
 * (params.entries: the malformed entries), networks_too_many.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { administrateurs, apiTokens, demarches, users } from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import { encodeApiTokenBearer, hashApiTokenSecret } from "../../graphql/auth";
import { randomToken } from "../../security/tokens";
import { ZEmail } from "../accounts/ensure-user";
import { type OperationResult, type Refused, refuse, refuseFields } from "../../refusal";
import { MAX_NETWORKS, parseNetworkList } from "../../security/networks";

export const API_TOKEN_NAME_MAX_LENGTH = 100;

/** An expiry further than this is a typo (a year 20 270), not a choice. */
export const API_TOKEN_MAX_LIFETIME_YEARS = 10;

const ZCreateApiToken = z.object({
  administrateurEmail: ZEmail.optional(),
  administrateurId: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { message: "name_required" }).max(API_TOKEN_NAME_MAX_LENGTH, { message: "name_too_long" }),
  demarcheNumbers: z
    .array(z.number().int().positive().max(2_147_483_647), { message: "demarche_not_found" })
    .min(1, { message: "demarches_required" })
    .optional(),
  readOnly: z.boolean().default(false),
  expiresAt: z.date().optional(),
  /** Allowed networks as typed (CIDR ranges or single addresses); none: any network. */
  networks: z.array(z.string().max(200)).max(1000).optional(),
});

export type CreateApiTokenInput = z.input<typeof ZCreateApiToken>;

export type CreateApiTokenResult = OperationResult<{
  id: string;
  /** The bearer string: shown once, never stored. */
  bearer: string;
  allowedDemarcheIds: number[] | null;
  expiresAt: Date | null;
  authorizedNetworks: string[] | null;
}>;

export async function createApiToken(db: Db, input: CreateApiTokenInput, now = new Date()): Promise<CreateApiTokenResult> {
  const parsed = ZCreateApiToken.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      if (errors[field]) continue;
      errors[field] =
        field === "administrateurEmail"
          ? "administrateur_not_found"
          : field === "expiresAt"
            ? "expires_at_invalid"
            : field === "demarcheNumbers" && issue.message !== "demarches_required"
              ? "demarche_not_found"
              : issue.message.match(/^[a-z_]+$/)
                ? issue.message
                : "invalid";
    }
    return refuseFields(errors);
  }
  const { administrateurEmail, administrateurId, name, demarcheNumbers, readOnly, expiresAt } = parsed.data;
  if (expiresAt) {
    if (Number.isNaN(expiresAt.getTime())) return refuse("expires_at_invalid", "expiresAt");
    if (expiresAt.getTime() <= now.getTime()) return refuse("expires_at_past", "expiresAt");
    const limit = new Date(now);
    limit.setUTCFullYear(limit.getUTCFullYear() + API_TOKEN_MAX_LIFETIME_YEARS);
    if (expiresAt.getTime() > limit.getTime()) return refuse("expires_at_too_far", "expiresAt");
  }
  const networks = checkNetworks(parsed.data.networks ?? []);
  if (!networks.ok) return networks;

  return db.transaction(async (tx): Promise<CreateApiTokenResult> => {
    const [administrateur] = await tx
      .select({ id: administrateurs.id })
      .from(administrateurs)
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .where(
        administrateurId !== undefined ? eq(administrateurs.id, administrateurId) : eq(users.email, administrateurEmail ?? ""),
      )
      .limit(1);
    if (!administrateur) return refuse("administrateur_not_found", "administrateurEmail");

    let allowedDemarcheIds: number[] | null = null;
    if (demarcheNumbers) {
      const wanted = [...new Set(demarcheNumbers)].sort((a, b) => a - b);
      const owned = await tx
        .select({ id: demarches.id })
        .from(demarches)
        .where(and(inArray(demarches.id, wanted), demarchesOfAdministrateur(administrateur.id)));
      // A démarche of someone else is reported exactly like one that does not exist.
      if (owned.length !== wanted.length) return refuse("demarche_not_found", "demarcheNumbers");
      allowedDemarcheIds = wanted;
    }

    const id = randomUUID();
    const secret = randomToken(32);
    await tx.insert(apiTokens).values({
      id,
      administrateurId: administrateur.id,
      name,
      secretHash: hashApiTokenSecret(secret),
      allowedDemarcheIds,
      writeAccess: !readOnly,
      expiresAt: expiresAt ?? null,
      authorizedNetworks: networks.networks,
    });
    return {
      ok: true,
      id,
      bearer: encodeApiTokenBearer(id, secret),
      allowedDemarcheIds,
      expiresAt: expiresAt ?? null,
      authorizedNetworks: networks.networks,
    };
  });
}

/** The typed ranges, canonicalised (null when none); a refusal naming the malformed ones. */
function checkNetworks(entries: readonly string[]): { ok: true; networks: string[] | null } | Refused {
  const parsed = parseNetworkList(entries.join("\n"));
  if (!parsed.ok) return refuse("networks_invalid", "networks", { entries: parsed.invalid.slice(0, 5).join(", ") });
  if (parsed.networks.length > MAX_NETWORKS) return refuse("networks_too_many", "networks", { max: MAX_NETWORKS });
  return { ok: true, networks: parsed.networks.length > 0 ? parsed.networks : null };
}
