import type { Locale } from "../../common/i18n";
import type { DbOrTx } from "../db/client";
import { eq } from "drizzle-orm";
import { demarches } from "../db/schema";
import { demarcheFilesOf, demarcheLogoUrl } from "../lookups/demarche-files";
import type { MailAttachmentSpec } from "../mail/attachments";
import type { MailLogo } from "../mail/layout";
import type { MailParams, MailTemplateName } from "../mail/templates";
import { enqueueJob } from "./enqueue";

/**
 * Queues an e-mail about a démarche (`demarcheId`) with its logo, when it has one: the shared mail
 * layout shows it whatever the template (server/mail/layout.ts `withDemarcheLogo`).
 *
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
  options: { attachments?: MailAttachmentSpec[]; demarcheId?: number } = {},
) {
  const logo = options.demarcheId === undefined ? null : await mailLogoOf(db, options.demarcheId);
  await enqueueJob(db, "send-mail", {
    to,
    template,
    locale,
    params: params as Record<string, unknown>,
    ...(options.attachments?.length ? { attachments: options.attachments } : {}),
    ...(logo ? { logo } : {}),
  });
}

/** The démarche's logo for its e-mails, or null when it has none. */
export async function mailLogoOf(db: DbOrTx, demarcheId: number): Promise<MailLogo | null> {
  const { logo } = await demarcheFilesOf(db, demarcheId);
  if (!logo) return null;
  const [demarche] = await db.select({ libelle: demarches.libelle }).from(demarches).where(eq(demarches.id, demarcheId));
  return demarche ? { path: demarcheLogoUrl(demarcheId, logo), demarche: demarche.libelle } : null;
}
