import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { consumeEmailToken, revokeEmailTokens, type EmailTokenFailure } from "./email-tokens";
import type { Refused } from "../../refusal";
import type { SignedIn } from "./fields";
import { openSession } from "./open-session";

export interface ConfirmEmailInput {
  token: unknown;
  userAgent: string | null;
  previousSessionIdHash?: string | null;
}

export type ConfirmEmailResult = ({ ok: true } & SignedIn) | Refused<object, EmailTokenFailure>;

/** Uses a confirmation link: the address is confirmed and the user signed in with a new session. */
export async function confirmEmail(db: Db, input: ConfirmEmailInput): Promise<ConfirmEmailResult> {
  return db.transaction(async (tx) => {
    const check = await consumeEmailToken(tx, input.token, "confirm_email");
    if (!check.ok) return check;
    await tx
      .update(users)
      .set({ emailConfirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.id, check.userId), isNull(users.emailConfirmedAt)));
    // Other confirmation links sent earlier are now pointless.
    await revokeEmailTokens(tx, check.userId, ["confirm_email"]);
    const session = await openSession(tx, check.userId, {
      userAgent: input.userAgent,
      previousSessionIdHash: input.previousSessionIdHash,
    });
    return { ok: true as const, ...session };
  });
}
