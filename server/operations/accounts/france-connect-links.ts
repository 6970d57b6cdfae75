/**
 * Shared steps of the FranceConnect operations: writing the identity FranceConnect gave and linking it
 * to an account (pending merges are found by server/lookups/france-connect-merge.ts).
 */
import { and, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { franceConnectInformations, users } from "../../db/schema";
import type { FranceConnectIdentity } from "../../domain/accounts/france-connect";

/** The merge page's token (as the reference: 15 minutes). */
export const MERGE_TOKEN_TTL_SECONDS = 15 * 60;
/** The e-mail link that proves the address instead of the password. */
export const EMAIL_MERGE_TOKEN_TTL_SECONDS = 60 * 60;

/** The identity columns of a FranceConnect identity. */
export function identityColumns(identity: FranceConnectIdentity) {
  return {
    gender: identity.gender,
    givenName: identity.givenName,
    familyName: identity.familyName,
    birthdate: identity.birthdate,
    emailFranceConnect: identity.email,
    updatedAt: sql`now()`,
  };
}

/** Writes (or refreshes) the identity of `sub`; `extra` sets the link or the merge tokens. */
export async function upsertIdentity(
  db: DbOrTx,
  identity: FranceConnectIdentity,
  extra: {
    [K in keyof typeof franceConnectInformations.$inferInsert]?: (typeof franceConnectInformations.$inferInsert)[K] | SQL;
  },
): Promise<number> {
  const values = { sub: identity.sub, ...identityColumns(identity), ...extra };
  const [row] = await db
    .insert(franceConnectInformations)
    .values(values)
    .onConflictDoUpdate({ target: franceConnectInformations.sub, set: { ...identityColumns(identity), ...extra } })
    .returning({ id: franceConnectInformations.id });
  return (row as { id: number }).id;
}

/**
 * Links a pending identity to the account: the account's previous FranceConnect identity (another
 * `sub`) is replaced, the tokens are cleared, and the address is confirmed (FranceConnect vouched for
 * it, and the account was just proven).
 */
export async function linkIdentity(db: DbOrTx, informationId: number, userId: number): Promise<void> {
  await db
    .delete(franceConnectInformations)
    .where(and(eq(franceConnectInformations.userId, userId), ne(franceConnectInformations.id, informationId)));
  const [row] = await db
    .update(franceConnectInformations)
    .set({
      userId,
      mergeTokenHash: null,
      mergeTokenExpiresAt: null,
      emailMergeTokenHash: null,
      emailMergeTokenExpiresAt: null,
      pendingIdToken: null,
      updatedAt: sql`now()`,
    })
    .where(eq(franceConnectInformations.id, informationId))
    .returning({ id: franceConnectInformations.id });
  if (!row) throw new Error("identity vanished while linking");
  await db
    .update(users)
    .set({ emailConfirmedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)));
}

export { findPendingMerge, plausibleToken, type PendingMerge } from "../../lookups/france-connect-merge";
