import { z } from "zod";
import { isLocale } from "../../common/i18n";
import { MAIL_TEMPLATES, type MailTemplateName } from "../mail/templates";
import { deliverOnce } from "../mail/deliveries";
import type { JobDefinition } from "./registry";

const ZSendMail = z.object({
  to: z.string().email(),
  template: z.string().refine((name): name is MailTemplateName => name in MAIL_TEMPLATES, "unknown mail template"),
  locale: z.string().refine(isLocale).default("fr"),
  params: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Renders a mail template at send time and hands it to the mailer (SMTP or local mailbox), once per
 * job whatever the number of its runs (deliveries.ts).
 */
export const sendMailJob = {
  payload: ZSendMail,
  async run(payload, { mailer, config, db, logger }, job) {
    const template = MAIL_TEMPLATES[payload.template as MailTemplateName] as {
      params: z.ZodType;
      render: (p: never, c: unknown) => { subject: string; text: string; html: string };
    };
    const locale = isLocale(payload.locale) ? payload.locale : "fr";
    const content = template.render(template.params.parse(payload.params) as never, { locale, appUrl: config.appUrl });
    const sent = await deliverOnce(db, mailer, job.id, { to: payload.to, ...content });
    if (!sent)
      logger.info({ job: job.id, template: payload.template }, "mail already delivered by an earlier run, not sent again");
  },
} satisfies JobDefinition<typeof ZSendMail>;
