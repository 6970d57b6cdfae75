/**
 * Changing one's e-mail: the new address is kept aside (`users.unconfirmed_email`) and a link valid
 * 24 hours is sent to it; the address changes only when that link is opened by the same account.
 * Refused: a blank or invalid address, the current one, one another account uses.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { type OperationResult, refuse } from "../../refusal";
import { emailRefusalCode, ZTargetEmail } from "../partage/fields";
import { consumeEmailToken, issueEmailToken, revokeEmailTokens } from "./email-tokens";

async function taken(db: Db, email: string, userId: number) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)));
  return row !== undefined;
}

export async function requestEmailChange(db: Db, user: { userId: number; email: string }, input: { email: unknown }) {
  const email = ZTargetEmail.safeParse(input.email);
  if (!email.success) return refuse(emailRefusalCode(input.email), "email");
  if (email.data === user.email.toLowerCase()) return refuse("email_same", "email");
  if (await taken(db, email.data, user.userId)) return refuse("email_taken", "email");
  return db.transaction(async (tx): Promise<OperationResult> => {
    await revokeEmailTokens(tx, user.userId, ["change_email"]);
    const [row] = await tx
      .update(users)
      .set({ unconfirmedEmail: email.data })
      .where(eq(users.id, user.userId))
      .returning({ locale: users.locale });
    const { token } = await issueEmailToken(tx, user.userId, "change_email");
    const locale = row && isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
    await enqueueMail(tx, email.data, "change_email", { newEmail: email.data, token }, locale);
    return { ok: true };
  });
}

/** Opens the link: for the signed-in account only; the address must still be free. */
export async function confirmEmailChange(db: Db, userId: number, token: unknown): Promise<OperationResult<{ email: string }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ email: string }>> => {
    const check = await consumeEmailToken(tx, token, "change_email");
    if (!check.ok) return check;
    if (check.userId !== userId) return refuse("invalid", "token");
    const [row] = await tx.select({ pending: users.unconfirmedEmail }).from(users).where(eq(users.id, userId)).for("update");
    const pending = row?.pending;
    if (!pending) return refuse("invalid", "token");
    if (await taken(tx as unknown as Db, pending, userId)) return refuse("email_taken", "token");
    await tx
      .update(users)
      .set({ email: pending, unconfirmedEmail: null, emailConfirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    return { ok: true, email: pending };
  });
}
