/**
 * A FranceConnect identity waiting to be linked to the existing account of the same e-mail (merge),
 * found by one of its tokens: the merge page's (15 minutes) or the e-mail link's (one hour). Tokens
 * are random; only their SHA-256 is stored.
 */
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { franceConnectInformations, users } from "../db/schema";
import { sha256Hex } from "../security/tokens";

export function plausibleToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export interface PendingMerge {
  informationId: number;
  /** The existing account the identity waits to be linked to (same e-mail). */
  userId: number;
  email: string;
  hasPassword: boolean;
  pendingIdToken: string | null;
  givenName: string;
  familyName: string;
}

/** A pending merge found by one of its tokens (valid, not used), with the account it concerns; else null. */
export async function findPendingMerge(db: DbOrTx, by: "merge" | "email", token: unknown): Promise<PendingMerge | null> {
  if (!plausibleToken(token)) return null;
  const hash = sha256Hex(token);
  const where: SQL[] =
    by === "merge"
      ? [eq(franceConnectInformations.mergeTokenHash, hash), gt(franceConnectInformations.mergeTokenExpiresAt, sql`now()`)]
      : [
          eq(franceConnectInformations.emailMergeTokenHash, hash),
          gt(franceConnectInformations.emailMergeTokenExpiresAt, sql`now()`),
        ];
  const [row] = await db
    .select({
      informationId: franceConnectInformations.id,
      userId: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      pendingIdToken: franceConnectInformations.pendingIdToken,
      givenName: franceConnectInformations.givenName,
      familyName: franceConnectInformations.familyName,
    })
    .from(franceConnectInformations)
    .innerJoin(users, eq(users.email, franceConnectInformations.emailFranceConnect))
    .where(and(isNull(franceConnectInformations.userId), ...where))
    .limit(1);
  if (!row) return null;
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}
