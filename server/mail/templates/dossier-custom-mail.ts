/**
 * A state e-mail the démarche's administrateur customised (`mail_templates`): rendered with the
 * dossier's values when the event is recorded (server/lookups/dossier-mail.ts, values escaped),
 * sent as is; only the application's URL is filled in here, where it is known.
 */
import { z } from "zod";
import { APP_URL_TOKEN } from "../../domain/mail-templates/mail-templates";
import type { MailContent } from "../layout";
import type { MailTemplate } from "../templates";

const ZParams = z.object({
  dossierNumber: z.coerce.number().int().positive(),
  subject: z.string().min(1).max(1000),
  /** Sanitized template HTML with escaped values. */
  html: z.string().max(500_000),
  text: z.string().max(500_000),
});

export const dossierCustomMailTemplate = {
  params: ZParams,
  render({ subject, html, text }, { appUrl }): MailContent {
    const withUrl = (value: string) => value.split(APP_URL_TOKEN).join(appUrl);
    return {
      subject: withUrl(subject),
      text: withUrl(text),
      html: `<!doctype html><html><body style="font-family:Marianne,Arial,sans-serif">${withUrl(html)}</body></html>`,
    };
  },
} satisfies MailTemplate<typeof ZParams>;
