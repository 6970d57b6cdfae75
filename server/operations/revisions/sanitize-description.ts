import sanitizeHtml from "sanitize-html";

/**
 * Field descriptions written by administrateurs may hold a little formatting; anything else
 * (scripts, styles, event handlers, iframes, javascript: links) is removed on the server.
 */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a"],
    allowedAttributes: { a: ["href", "title"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  }).trim();
}
