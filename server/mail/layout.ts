import { z } from "zod";
import { getT, type Locale } from "../../common/i18n";

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** Files attached to the mail (made by the send-mail job, e.g. the PDF receipt: `server/mail/attachments.ts`). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailContext {
  locale: Locale;
  appUrl: string;
  /** The démarche's logo, for every e-mail about a démarche (`withDemarcheLogo`). */
  logo?: MailLogo;
}

/**
 * The logo of the démarche an e-mail is about, carried by the send-mail job beside the template's
 * parameters (`enqueueMail(…, { demarcheId })` looks it up): its public path and the démarche's title.
 */
export const ZMailLogo = z.object({
  path: z.string().regex(/^\/demarches\/\d{1,10}\/logo(\?v=[\w%.-]{0,64})?$/),
  demarche: z.string().max(1000),
});
export type MailLogo = z.infer<typeof ZMailLogo>;

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export type MailBlock = { paragraph: string } | { link: { label: string; url: string } } | { quote: string };

/** One plain-text and one HTML rendering of the same blocks, escaped, with links written out in full. */
export function composeMail(subject: string, blocks: MailBlock[], signature: string): MailContent {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if ("paragraph" in block) {
      text.push(block.paragraph);
      html.push(`<p>${escapeHtml(block.paragraph).replace(/\n/g, "<br>")}</p>`);
    } else if ("quote" in block) {
      text.push(
        block.quote
          .split("\n")
          .map((l) => `> ${l}`)
          .join("\n"),
      );
      html.push(
        `<blockquote style="border-left:4px solid #000091;padding-left:1em">${escapeHtml(block.quote).replace(/\n/g, "<br>")}</blockquote>`,
      );
    } else {
      text.push(`${block.link.label} : ${block.link.url}`);
      html.push(
        `<p><a href="${escapeHtml(block.link.url)}" style="background:#000091;color:#fff;padding:8px 16px;text-decoration:none">${escapeHtml(block.link.label)}</a></p><p style="font-size:small">${escapeHtml(block.link.url)}</p>`,
      );
    }
  }
  text.push(signature);
  html.push(`<p>${escapeHtml(signature)}</p>`);
  return {
    subject,
    text: text.join("\n\n"),
    html: `<!doctype html><html><body style="font-family:Marianne,Arial,sans-serif">${html.join("\n")}</body></html>`,
  };
}

/**
 * The shared layout of every e-mail about a démarche, whatever its template (default or customised
 * by the administrateur): the démarche's logo, by its absolute URL, above the message in the HTML
 * version (the text version has no images), as the reference's mail layout.
 */
export function withDemarcheLogo(content: MailContent, { logo, appUrl, locale }: MailContext): MailContent {
  if (!logo) return content;
  const alt = getT(locale)("mail.dossier.logoAlt", { demarche: logo.demarche.replace(/\s+/g, " ").trim() });
  const image = `<p><img src="${escapeHtml(`${appUrl}${logo.path}`)}" alt="${escapeHtml(alt)}" style="max-width:120px;max-height:120px"></p>`;
  const body = /<body[^>]*>/i.exec(content.html);
  const html = body
    ? `${content.html.slice(0, body.index + body[0].length)}${image}\n${content.html.slice(body.index + body[0].length)}`
    : `${image}\n${content.html}`;
  return { ...content, html };
}
