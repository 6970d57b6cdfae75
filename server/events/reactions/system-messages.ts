/**
 * The copy of each state e-mail in the dossier's messagerie, as the reference keeps it: a system
 * message with the e-mail's text in the usager's language. Written by the state-mail reaction
 * (`usager-state-mails.ts`) with the text it sends, so a customised template is rendered once.
 */
import { commentaires } from "../../db/schema";
import type { Tx } from "../../db/client";
import { APP_URL_TOKEN } from "../../domain/mail-templates/mail-templates";
import { messageBody } from "../../domain/messages/message-body";

/** `text`: the e-mail's HTML (a customised one keeps its links relative to the site). */
export async function writeSystemMessage(tx: Tx, dossierId: number, text: string, createdAt: Date) {
  const body = messageBody(text.split(APP_URL_TOKEN).join(""));
  if (!body.ok) return;
  await tx.insert(commentaires).values({
    dossierId,
    authorKind: "system",
    authorUserId: null,
    email: "",
    body: body.html,
    createdAt,
  });
}
