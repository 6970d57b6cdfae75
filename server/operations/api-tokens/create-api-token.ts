/**
 * Creates an API token for an administrateur and returns its bearer string, the only time it is
 * ever available: the database keeps SHA-256 of the secret (see server/graphql/auth.ts).
 *
 * Error values are keys of `admin.apiTokens.errors.<key>`.
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
import { type OperationResult, refuse, refuseFields } from "../../refusal";

export const API_TOKEN_NAME_MAX_LENGTH = 100;

const ZCreateApiToken = z.object({
  administrateurEmail: ZEmail,
  name: z.string().trim().min(1, { message: "name_required" }).max(API_TOKEN_NAME_MAX_LENGTH, { message: "name_too_long" }),
  demarcheNumbers: z
    .array(z.number().int().positive().max(2_147_483_647), { message: "demarche_not_found" })
    .min(1, { message: "demarche_not_found" })
    .optional(),
  readOnly: z.boolean().default(false),
  expiresAt: z.date().optional(),
});

export type CreateApiTokenInput = z.input<typeof ZCreateApiToken>;

export type CreateApiTokenResult = OperationResult<{
  id: string;
  /** The bearer string: shown once, never stored. */
  bearer: string;
  allowedDemarcheIds: number[] | null;
  expiresAt: Date | null;
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
            : issue.message.match(/^[a-z_]+$/)
              ? issue.message
              : "invalid";
    }
    return refuseFields(errors);
  }
  const { administrateurEmail, name, demarcheNumbers, readOnly, expiresAt } = parsed.data;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime())) {
    return refuse("expires_at_past", "expiresAt");
  }

  return db.transaction(async (tx): Promise<CreateApiTokenResult> => {
    const [administrateur] = await tx
      .select({ id: administrateurs.id })
      .from(administrateurs)
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .where(eq(users.email, administrateurEmail))
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
    });
    return { ok: true, id, bearer: encodeApiTokenBearer(id, secret), allowedDemarcheIds, expiresAt: expiresAt ?? null };
  });
}
