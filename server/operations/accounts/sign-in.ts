import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { hashPassword, PASSWORD_MAX_LENGTH, verifyPassword } from "../../security/passwords";
import { hitRateLimits, refundRateLimits } from "../../security/rate-limit";
import { refuse, refuseRateLimited } from "../../refusal";
import { type AccountRefused, invalidFields, type SignedIn, ZEmailField } from "./fields";
import { signInRules } from "./limits";
import { openSession } from "./open-session";

const ZSignIn = z.object({
  email: ZEmailField,
  password: z.string({ error: "auth.errors.passwordRequired" }).min(1, { error: "auth.errors.passwordRequired" }),
});

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session this browser had before (closed: a sign-in always starts a new one). */
  previousSessionIdHash?: string | null;
}

export type SignInResult =
  | ({ ok: true } & SignedIn)
  /**
   * Besides the fields and the rate limit: `invalid_credentials`, wrong e-mail or password (one answer
   * for both, so that it does not tell which addresses exist); `unconfirmed` (params.email), right
   * password but address not confirmed yet: the page offers to resend the link.
   */
  | AccountRefused<"invalid_credentials" | "unconfirmed">;

/** Compared against when the account does not exist, so that an unknown address costs the same time. */
let timingHash: Promise<string> | null = null;
function dummyHash() {
  timingHash ??= hashPassword("guichet-timing-equaliser-password");
  return timingHash;
}

/** Checks e-mail and password within the rate limits, then opens a session. */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse(input);
  if (!parsed.success) return invalidFields(parsed.error);
  const { email, password } = parsed.data;

  // Counted before the password is checked, so that parallel guesses are stopped; a successful
  // sign-in gives its attempt back below: only failures use the budget.
  const rules = signInRules(email, input.ip);
  const countedAt = new Date();
  const limit = await hitRateLimits(db, rules, countedAt);
  if (!limit.allowed) return refuseRateLimited(limit.retryAfterSeconds);

  // Longer than any password we accept: cannot match, and is not worth hashing.
  if (password.length > PASSWORD_MAX_LENGTH) return refuse("invalid_credentials");

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, confirmedAt: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user?.passwordHash || !valid) return refuse("invalid_credentials");
  if (user.confirmedAt === null) return refuse("unconfirmed", "form", { email });
  await refundRateLimits(db, rules, countedAt);

  const session = await db.transaction((tx) =>
    openSession(tx, user.id, { userAgent: input.userAgent, previousSessionIdHash: input.previousSessionIdHash }),
  );
  return { ok: true, ...session };
}
