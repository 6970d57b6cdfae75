/**
 * Single-use tokens sent by e-mail (address confirmation, password reset, invitation). The link
 * carries a random 256-bit token; only its SHA-256 is stored, so a database leak yields no usable
 * link. A token is consumed by one atomic UPDATE, so two clicks can never both succeed.
 */
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { emailTokens, users } from "../../db/schema";
import type { Refused } from "../../refusal";
import { randomToken, sha256Hex } from "../../security/tokens";

export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)["purpose"];

export const EMAIL_TOKEN_TTL_SECONDS = {
  confirm_email: 24 * 3600,
  reset_password: 3600,
  invitation: 7 * 24 * 3600,
  change_email: 24 * 3600,
} as const satisfies Record<EmailTokenPurpose, number>;

const EMAIL_TOKEN_FAILURES = ["invalid", "expired", "used"] as const;
export type EmailTokenFailure = (typeof EMAIL_TOKEN_FAILURES)[number];

/** Whether a refusal's code is about the link's token (rather than a field of the form). */
export function isEmailTokenFailure(code: string): code is EmailTokenFailure {
  return (EMAIL_TOKEN_FAILURES as readonly string[]).includes(code);
}

/** A link's token, valid (its account) or refused about the field `token`. */
export type EmailTokenCheck = { ok: true; userId: number; email: string } | Refused<object, EmailTokenFailure>;

function refuseToken(code: EmailTokenFailure): Refused<object, EmailTokenFailure> {
  return { ok: false, refusals: [{ code, field: "token" }] };
}

/** Tokens we issue are 43 characters of base64url; anything else is not worth a query. */
function plausible(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

/** Creates a token for this user and purpose; the clear value goes into the mail, never the database. */
export async function issueEmailToken(db: DbOrTx, userId: number, purpose: EmailTokenPurpose) {
  const token = randomToken();
  const ttl = EMAIL_TOKEN_TTL_SECONDS[purpose];
  const [row] = await db
    .insert(emailTokens)
    .values({
      userId,
      purpose,
      tokenHash: sha256Hex(token),
      expiresAt: sql`now() + make_interval(secs => ${ttl})`,
    })
    .returning({ expiresAt: emailTokens.expiresAt });
  return { token, expiresAt: row ? new Date(row.expiresAt) : new Date(Date.now() + ttl * 1000) };
}

/** Says whether a token could be used now, without using it (to show a form only for a valid link). */
export async function inspectEmailToken(db: DbOrTx, token: unknown, purpose: EmailTokenPurpose): Promise<EmailTokenCheck> {
  if (!plausible(token)) return refuseToken("invalid");
  const [row] = await db
    .select({
      userId: emailTokens.userId,
      email: users.email,
      usedAt: emailTokens.usedAt,
      expired: sql<boolean>`${emailTokens.expiresAt} <= now()`,
    })
    .from(emailTokens)
    .innerJoin(users, eq(users.id, emailTokens.userId))
    .where(and(eq(emailTokens.tokenHash, sha256Hex(token)), eq(emailTokens.purpose, purpose)))
    .limit(1);
  if (!row) return refuseToken("invalid");
  if (row.usedAt) return refuseToken("used");
  if (row.expired) return refuseToken("expired");
  return { ok: true, userId: row.userId, email: row.email };
}

/** Uses a token: succeeds once, before its expiry; afterwards explains why it cannot be used. */
export async function consumeEmailToken(db: DbOrTx, token: unknown, purpose: EmailTokenPurpose): Promise<EmailTokenCheck> {
  if (!plausible(token)) return refuseToken("invalid");
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(emailTokens.tokenHash, sha256Hex(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        sql`${emailTokens.expiresAt} > now()`,
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (!row) {
    const check = await inspectEmailToken(db, token, purpose);
    // Lost a race with another click between the two statements: report it as used.
    return check.ok ? refuseToken("used") : check;
  }
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, row.userId));
  return { ok: true, userId: row.userId, email: user?.email ?? "" };
}

/** Makes every outstanding token of these purposes unusable (after a password change, a confirmation…). */
export async function revokeEmailTokens(db: DbOrTx, userId: number, purposes: EmailTokenPurpose[]) {
  await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.userId, userId), inArray(emailTokens.purpose, purposes), isNull(emailTokens.usedAt)));
}

/** Deletes tokens expired for more than `olderThanDays`; meant for a periodic job. Returns the count. */
export async function cleanupEmailTokens(db: DbOrTx, olderThanDays = 30): Promise<number> {
  const deleted = await db
    .delete(emailTokens)
    .where(lt(emailTokens.expiresAt, sql`now() - make_interval(days => ${olderThanDays})`))
    .returning({ id: emailTokens.id });
  return deleted.length;
}
