import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { hitRateLimits } from "../../security/rate-limit";
import { issueEmailToken } from "./email-tokens";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { refuseRateLimited } from "../../refusal";
import { type AccountRefused, invalidFields, ZEmailField } from "./fields";
import { mailRequestRules } from "./limits";
import { cleanRedirectPath } from "./redirect-path";

const ZResend = z.object({ email: ZEmailField });

export interface ResendConfirmationInput {
  email: string;
  locale: Locale;
  ip: string;
  redirectTo?: string | null;
}

export type ResendConfirmationResult = { ok: true; email: string } | AccountRefused;

/**
 * Sends a new confirmation link to an unconfirmed account. The answer never depends on the
 * address: an already active account gets the "you already have an account" mail instead, an
 * unknown address gets nothing.
 */
export async function resendConfirmation(db: Db, input: ResendConfirmationInput): Promise<ResendConfirmationResult> {
  const parsed = ZResend.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error);
  const { email } = parsed.data;
  const redirectTo = cleanRedirectPath(input.redirectTo);

  const limit = await hitRateLimits(db, mailRequestRules("confirmation", email, input.ip));
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);

  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, confirmedAt: users.emailConfirmedAt, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);
    if (!user) return;
    if (user.confirmedAt === null && user.passwordHash !== null) {
      const { token } = await issueEmailToken(tx, user.id, "confirm_email");
      await enqueueMail(tx, email, "confirm_email", { email, token, redirectTo }, input.locale);
    } else {
      // Already active, or invited without a password yet: signing in or choosing a password is the way.
      await enqueueMail(tx, email, "account_exists", { email, redirectTo }, input.locale);
    }
  });
  return { ok: true, email };
}
