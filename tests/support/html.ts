/** Reading server-rendered HTML in integration tests, without a DOM. */

/** Decodes the entities React escapes in text and attributes. */
export function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

/**
 * Visible text of a page: scripts and tags removed, entities decoded, non-breaking spaces read as
 * spaces and whitespace collapsed, so that assertions can be written with plain French text.
 */
export function pageText(html: string): string {
  return decodeHtml(html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " "))
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ");
}
