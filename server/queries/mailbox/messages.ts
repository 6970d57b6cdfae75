/**
 * The local mailbox (development and embedded mode): what the mailer stored instead of sending.
 * Newest first; the optional recipient filter uses `mailbox_messages_to_idx` (to, id).
 */
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { mailboxMessages } from "../../db/schema";

export const MAILBOX_PAGE_SIZE = 200;

export function normalizeRecipient(value: string | null | undefined): string | null {
  const email = (value ?? "").trim().toLowerCase();
  return email === "" || email.length > 320 ? null : email;
}

export async function listMailboxMessages(db: DbOrTx, input: { to: string | null }) {
  return db
    .select({
      id: mailboxMessages.id,
      to: mailboxMessages.to,
      subject: mailboxMessages.subject,
      createdAt: mailboxMessages.createdAt,
    })
    .from(mailboxMessages)
    .where(input.to ? eq(mailboxMessages.to, input.to) : undefined)
    .orderBy(desc(mailboxMessages.id))
    .limit(MAILBOX_PAGE_SIZE);
}

export async function findMailboxMessage(db: DbOrTx, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id)).limit(1);
  return message ?? null;
}
