import sanitizeHtml from "sanitize-html";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Field descriptions written by administrateurs may hold a little formatting; anything else
 * (scripts, styles, event handlers, iframes, javascript: links) is removed on the server. A
 * description typed as plain text keeps its line breaks.
 */
export function sanitizeDescription(input: string): string {
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(input);
  const html = looksLikeHtml
    ? input
    : input
        .trim()
        .split(/\r?\n/)
        .map((line) => line.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c))
        .join("<br>");
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a"],
    allowedAttributes: { a: ["href", "title", "rel", "target"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  }).trim();
}
