import type { Locale } from "../../common/i18n";

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
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** `image`: an absolute https/http URL (the démarche's logo), HTML only: the text version leaves it out. */
export type MailBlock =
  | { paragraph: string }
  | { link: { label: string; url: string } }
  | { quote: string }
  | { image: { url: string; alt: string } };

/** One plain-text and one HTML rendering of the same blocks, escaped, with links written out in full. */
export function composeMail(subject: string, blocks: MailBlock[], signature: string): MailContent {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if ("image" in block) {
      html.push(
        `<p><img src="${escapeHtml(block.image.url)}" alt="${escapeHtml(block.image.alt)}" style="max-width:120px;max-height:120px"></p>`,
      );
    } else if ("paragraph" in block) {
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
