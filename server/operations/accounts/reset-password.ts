import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { destroyAllSessions } from "../../http/session";
import { hashPassword } from "../../security/passwords";
import { consumeEmailToken, revokeEmailTokens, type EmailTokenFailure } from "./email-tokens";
import { type AccountRefused, invalidFields, type SignedIn, ZNewPassword } from "./fields";
import { openSession } from "./open-session";

const ZReset = z.object({ password: ZNewPassword });

export interface ResetPasswordInput {
  token: unknown;
  password: string;
  /** A password-reset link, or an invitation link (the account chooses its first password). */
  purpose: "reset_password" | "invitation";
  userAgent: string | null;
  previousSessionIdHash?: string | null;
}

export type ResetPasswordResult = ({ ok: true } & SignedIn) | AccountRefused<EmailTokenFailure>;

/**
 * Sets a new password through an e-mailed link. The link proves the address, so it is confirmed
 * too; every other session of the account is closed (whoever knew the old password is signed out),
 * every outstanding link is revoked, and the user is signed in with a new session.
 */
export async function resetPassword(db: Db, input: ResetPasswordInput): Promise<ResetPasswordResult> {
  const parsed = ZReset.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error);
  // Hashed before the transaction, which must stay short.
  const passwordHash = await hashPassword(parsed.data.password);

  return db.transaction(async (tx) => {
    const check = await consumeEmailToken(tx, input.token, input.purpose);
    if (!check.ok) return check;
    await tx
      .update(users)
      .set({
        passwordHash,
        emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, check.userId));
    await revokeEmailTokens(tx, check.userId, ["reset_password", "invitation", "confirm_email"]);
    await destroyAllSessions(tx, check.userId);
    const session = await openSession(tx, check.userId, {
      userAgent: input.userAgent,
      previousSessionIdHash: input.previousSessionIdHash,
    });
    return { ok: true as const, ...session };
  });
}
