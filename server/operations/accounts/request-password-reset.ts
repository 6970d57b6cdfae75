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

const ZRequest = z.object({ email: ZEmailField });

export interface RequestPasswordResetInput {
  email: string;
  locale: Locale;
  ip: string;
  /** Where to go once the new password is chosen (kept in the link). */
  redirectTo?: string | null;
}

export type RequestPasswordResetResult = { ok: true; email: string } | AccountRefused;

/**
 * Mails a one-hour, single-use link to choose a new password, if the address has an account
 * (including one invited that never chose a password). The answer is the same either way.
 */
export async function requestPasswordReset(db: Db, input: RequestPasswordResetInput): Promise<RequestPasswordResetResult> {
  const parsed = ZRequest.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error);
  const { email } = parsed.data;
  const redirectTo = cleanRedirectPath(input.redirectTo);

  const limit = await hitRateLimits(db, mailRequestRules("password_reset", email, input.ip));
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);

  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (!user) return;
    const { token } = await issueEmailToken(tx, user.id, "reset_password");
    await enqueueMail(tx, email, "reset_password", { email, token, redirectTo }, input.locale);
  });
  return { ok: true, email };
}
