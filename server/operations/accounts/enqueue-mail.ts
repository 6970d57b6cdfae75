import type { z } from "zod";
import type { Locale } from "../../../common/i18n";
import type { DbOrTx } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue";
import type { MAIL_TEMPLATES, MailTemplateName } from "../../mail/templates";

/** Queues a mail in the caller's transaction, with the parameters its template expects (type-checked). */
export async function enqueueMail<N extends MailTemplateName>(
  db: DbOrTx,
  to: string,
  template: N,
  params: z.input<(typeof MAIL_TEMPLATES)[N]["params"]>,
  locale: Locale,
) {
  await enqueueJob(db, "send-mail", { to, template, locale, params: params as Record<string, unknown> });
}
