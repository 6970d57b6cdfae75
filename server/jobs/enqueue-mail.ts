import type { Locale } from "../../common/i18n";
import type { DbOrTx } from "../db/client";
import type { MailAttachmentSpec } from "../mail/attachments";
import type { MailParams, MailTemplateName } from "../mail/templates";
import { enqueueJob } from "./enqueue";

/**
 * Queues an e-mail in the caller's transaction. The template must exist and the parameters fit its
 * schema: at compile time through the types, at run time because `enqueueJob` parses the send-mail
 * payload (template and parameters) and throws, rolling the caller's change back.
 */
export async function enqueueMail<N extends MailTemplateName>(
  db: DbOrTx,
  to: string,
  template: N,
  params: MailParams<N>,
  locale: Locale,
  options: { attachments?: MailAttachmentSpec[] } = {},
) {
  await enqueueJob(db, "send-mail", {
    to,
    template,
    locale,
    params: params as Record<string, unknown>,
    ...(options.attachments?.length ? { attachments: options.attachments } : {}),
  });
}
