import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { PASSWORD_MAX_LENGTH, verifyPassword } from "../../security/passwords";
import { hitRateLimits, refundRateLimits } from "../../security/rate-limit";
import { refuse, refuseRateLimited } from "../../refusal";
import type { AccountRefused, SignedIn } from "./fields";
import { findPendingMerge, linkIdentity } from "./france-connect-links";
import { signInRules } from "./limits";
import { openSession } from "./open-session";

export type MergeWithPasswordResult =
  | ({ ok: true } & SignedIn)
  /** `invalid_token`: the merge link is unknown, expired or already used: sign in with FranceConnect again. */
  | AccountRefused<"invalid_token" | "invalid_credentials">;

/**
 * Links a pending FranceConnect identity to the existing account with the same e-mail, once that
 * account's password is given (the sign-in rate limits apply), and signs it in (a session opened with
 * FranceConnect: signing out also leaves FranceConnect).
 */
export async function mergeFranceConnectWithPassword(
  db: Db,
  input: { mergeToken: unknown; password: unknown; ip: string; userAgent: string | null; previousSessionIdHash?: string | null },
): Promise<MergeWithPasswordResult> {
  const pending = await findPendingMerge(db, "merge", input.mergeToken);
  if (!pending) return refuse("invalid_token");
  const password = typeof input.password === "string" ? input.password : "";
  if (password === "") return refuse("passwordRequired", "password");

  const rules = signInRules(pending.email, input.ip);
  const countedAt = new Date();
  const limit = await hitRateLimits(db, rules, countedAt);
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);
  if (password.length > PASSWORD_MAX_LENGTH) return refuse("invalid_credentials");
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, pending.userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    return refuse("invalid_credentials");
  }
  await refundRateLimits(db, rules, countedAt);

  return db.transaction(async (tx) => {
    // Checked again inside the transaction: two submissions link once.
    const still = await findPendingMerge(tx, "merge", input.mergeToken);
    if (!still) return refuse("invalid_token");
    await linkIdentity(tx, still.informationId, still.userId);
    const session = await openSession(tx, still.userId, {
      userAgent: input.userAgent,
      previousSessionIdHash: input.previousSessionIdHash,
      franceConnectIdToken: still.pendingIdToken,
    });
    return { ok: true as const, ...session };
  });
}
