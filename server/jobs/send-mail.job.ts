import { z } from "zod";
import { isLocale } from "../../common/i18n";
import { isMailTemplateName, mailParamsSchema, renderMail } from "../mail/templates";
import { makeMailAttachments, mailAttachmentSpecsSchema } from "../mail/attachments";
import { deliverOnce } from "../mail/deliveries";
import { ZMailLogo } from "../mail/layout";
import type { JobDefinition } from "./registry";

/**
 * A mail to send: a known template and the parameters its schema accepts. Checked when the job is
 * enqueued (`enqueueJob` parses every payload, so a bad mail throws in the caller's transaction) and
 * again when it runs (a payload that cannot be rendered is dropped, not retried).
 */
const ZSendMail = z
  .object({
    to: z.string().email(),
    template: z.string().refine(isMailTemplateName, "unknown mail template"),
    locale: z.string().refine(isLocale).default("fr"),
    params: z.record(z.string(), z.unknown()).default({}),
    /** Documents to attach, made when the job runs (`server/mail/attachments.ts`). */
    attachments: mailAttachmentSpecsSchema.default([]),
    /** The logo of the démarche the mail is about (`enqueueMail(…, { demarcheId })`), shown by the shared layout. */
    logo: ZMailLogo.optional(),
  })
  .superRefine((mail, ctx) => {
    if (!isMailTemplateName(mail.template)) return;
    for (const issue of mailParamsSchema(mail.template).safeParse(mail.params).error?.issues ?? []) {
      ctx.addIssue({ ...issue, path: ["params", ...issue.path] } as z.IssueData);
    }
  });

/**
 * Renders a mail template at send time and hands it to the mailer (SMTP or local mailbox), once per
 * job whatever the number of its runs (deliveries.ts).
 */
export const sendMailJob = {
  payload: ZSendMail,
  async run(payload, { mailer, config, db, logger }, job) {
    if (!isMailTemplateName(payload.template)) throw new Error(`unknown mail template ${payload.template}`);
    const locale = isLocale(payload.locale) ? payload.locale : "fr";
    const content = renderMail(payload.template, payload.params, { locale, appUrl: config.appUrl, logo: payload.logo });
    const attachments = await makeMailAttachments(db, payload.attachments, locale);
    const sent = await deliverOnce(db, mailer, job.id, {
      to: payload.to,
      ...content,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    if (!sent)
      logger.info({ job: job.id, template: payload.template }, "mail already delivered by an earlier run, not sent again");
  },
} satisfies JobDefinition<typeof ZSendMail>;
