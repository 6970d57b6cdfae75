/**
 * The body of a message in the messagerie: plain text or a little formatting (paragraphs, bold,
 * italic, lists, links), sanitized before it is stored; control characters removed; never empty.
 * Pure: operations call it before writing.
 */
import sanitizeHtml from "sanitize-html";

/** Characters (code points) of what was typed. */
export const MESSAGE_MAX_LENGTH = 10_000;
/** Files per message, each at most MESSAGE_FILE_MAX_BYTES (the reference: 20 MB). */
export const MESSAGE_MAX_FILES = 10;
export const MESSAGE_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const CORRECTION_REASONS = ["incorrect", "incomplete", "outdated"] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

export function isCorrectionReason(value: unknown): value is CorrectionReason {
  return typeof value === "string" && (CORRECTION_REASONS as readonly string[]).includes(value);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
// C0 controls except tab and line feed, DEL and C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export type MessageBodyResult = { ok: true; html: string } | { ok: false; code: "message_empty" | "message_too_long" };

/** The stored HTML of a typed message, or why it is refused. */
export function messageBody(input: string): MessageBodyResult {
  const text = input.replace(/\r\n?/g, "\n").replace(CONTROL, "");
  if ([...text].length > MESSAGE_MAX_LENGTH) return { ok: false, code: "message_too_long" };
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(text);
  // Inline markup only (or a stray tag): the typed line breaks still count.
  const hasBlocks = /<(p|br|ul|ol|li)\b/i.test(text);
  const html = looksLikeHtml
    ? hasBlocks
      ? text
      : text.trim().replace(/\n/g, "<br>")
    : text
        .trim()
        .split("\n")
        .map((line) => line.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c))
        .join("<br>");
  const clean = sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a"],
    allowedAttributes: { a: ["href", "title", "rel", "target"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  }).trim();
  if (plainText(clean) === "") return { ok: false, code: "message_empty" };
  return { ok: true, html: clean };
}

/** The text of a stored body (for e-mails and the API's `body`). */
export function plainText(html: string): string {
  return sanitizeHtml(html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|li)>/gi, "\n"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}
