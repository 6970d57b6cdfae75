import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { hashPassword } from "../../security/passwords";
import { hitRateLimits } from "../../security/rate-limit";
import { issueEmailToken } from "./email-tokens";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { refuseRateLimited } from "../../refusal";
import { type AccountRefused, invalidFields, ZEmailField, ZNewPassword } from "./fields";
import { mailRequestRules } from "./limits";
import { cleanRedirectPath } from "./redirect-path";

const ZSignUp = z.object({ email: ZEmailField, password: ZNewPassword });

export interface SignUpInput {
  email: string;
  password: string;
  locale: Locale;
  ip: string;
  /** Where to go once the address is confirmed (kept in the confirmation link). */
  redirectTo?: string | null;
}

export type SignUpResult = { ok: true; email: string } | AccountRefused;

/**
 * Creates an unconfirmed account and mails a confirmation link. If the address already has an
 * account, the answer is the same and that address gets a mail saying so (with sign-in and
 * password links): the form never reveals which addresses are registered, and an existing
 * account is never changed (its password stays).
 */
export async function signUp(db: Db, input: SignUpInput): Promise<SignUpResult> {
  const parsed = ZSignUp.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error);
  const { email, password } = parsed.data;
  const redirectTo = cleanRedirectPath(input.redirectTo);

  const limit = await hitRateLimits(db, mailRequestRules("sign_up", email, input.ip));
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);

  // Hashed before looking the address up, so both answers take the same time; and outside the
  // transaction, which must stay short (the embedded database serialises transactions).
  const passwordHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, passwordHash, locale: input.locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (created) {
      const { token } = await issueEmailToken(tx, created.id, "confirm_email");
      await enqueueMail(tx, email, "confirm_email", { email, token, redirectTo }, input.locale);
      return;
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (existing) await enqueueMail(tx, email, "account_exists", { email, redirectTo }, input.locale);
  });
  return { ok: true, email };
}
