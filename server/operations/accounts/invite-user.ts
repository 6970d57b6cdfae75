import { eq } from "drizzle-orm";
import { z } from "zod";
import { isLocale, LOCALES } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { issueEmailToken } from "./email-tokens";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { ZEmailField } from "./fields";

const ZInviteUser = z.object({
  email: ZEmailField,
  invitedByEmail: z.string().trim().min(1),
  reason: z.literal("instructeur"),
  demarcheLibelle: z.string().trim().min(1),
  locale: z.enum(LOCALES),
});

export type InviteUserInput = z.input<typeof ZInviteUser>;

/**
 * Makes sure a person can reach Guichet after being added somewhere (instructeur of a démarche),
 * inside the caller's transaction, so that nothing is sent if the caller's change rolls back:
 * - no account: one is created without a password, and an `invitation` mail links to a page where
 *   they choose it (valid 7 days; the address is confirmed by using the link);
 * - an account invited earlier that never chose a password: a new invitation link;
 * - an active account: an `instructeur_added` mail with a sign-in link.
 * Granting the profile itself (instructeurs row, groupe) is the caller's business.
 * Throws a ZodError on invalid input: callers validate the address their user typed first.
 */
export async function inviteUser(tx: DbOrTx, input: InviteUserInput): Promise<{ userId: number; created: boolean }> {
  const { email, invitedByEmail, demarcheLibelle, locale } = ZInviteUser.parse(input);

  const [created] = await tx
    .insert(users)
    .values({ email, passwordHash: null, emailConfirmedAt: null, locale })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (created) {
    const { token } = await issueEmailToken(tx, created.id, "invitation");
    await enqueueMail(tx, email, "invitation", { email, token, invitedByEmail, demarcheLibelle }, locale);
    return { userId: created.id, created: true };
  }

  const [existing] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash, locale: users.locale })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!existing) throw new Error(`inviteUser: ${email} neither inserted nor found`);
  const mailLocale = isLocale(existing.locale) ? existing.locale : locale;
  if (existing.passwordHash === null) {
    const { token } = await issueEmailToken(tx, existing.id, "invitation");
    await enqueueMail(tx, email, "invitation", { email, token, invitedByEmail, demarcheLibelle }, mailLocale);
  } else {
    await enqueueMail(tx, email, "instructeur_added", { email, invitedByEmail, demarcheLibelle }, mailLocale);
  }
  return { userId: existing.id, created: false };
}
