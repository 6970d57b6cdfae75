/**
 * The limited HTML of a démarche's presentation (description, public visé, pièces à fournir,
 * message de fin de dépôt): paragraphs, line breaks, emphasis, lists and links. Sanitized when
 * saved and again when rendered, so HTML written to the database by any other way cannot run
 * either. Scripts, styles, event handlers and `javascript:` links are removed, never escaped into
 * visible text. Pure (sanitize-html parses in memory).
 */
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["https", "http", "mailto"],
  allowProtocolRelative: false,
  // Dropped with their content (the default keeps the text of unknown tags).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "template"],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer", target: "_blank" },
    }),
  },
};

/** The HTML kept from what was typed (plain text is kept as text, newlines included). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, { ...OPTIONS, allowedAttributes: { a: ["href", "title"] }, transformTags: {} }).trim();
}

/** HTML safe to insert in a page: sanitized again, links opening in a new tab. */
export function renderRichText(html: string | null): string | null {
  if (html === null || html.trim() === "") return null;
  return sanitizeHtml(html, OPTIONS);
}
