/**
 * Decides whether the HTML version of a stored mail may be previewed in the local mailbox page.
 * The preview is a sandboxed `<iframe srcdoc>`, which inherits the page's Content-Security-Policy
 * (server/http/security-headers.ts): scripts only with a nonce, images from 'self' or data:,
 * nothing else from elsewhere. A mail that would need anything the policy blocks — or that carries
 * active content at all — is not previewed (its text version is always shown). Our own templates
 * (server/mail/layout.ts) pass: inline styles, paragraphs, links, a blockquote.
 */
import sanitizeHtml from "sanitize-html";

const FORBIDDEN_TAGS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "link",
  "meta",
  "form",
  "svg",
  "math",
  "template",
  "noscript",
  "audio",
  "video",
  "source",
  "track",
  "portal",
  "xml",
  "import",
]);
/** Attributes that make the browser fetch something. */
const LOADING_ATTRIBUTES = new Set([
  "src",
  "srcset",
  "background",
  "poster",
  "data",
  "lowsrc",
  "dynsrc",
  "xlink:href",
  "formaction",
  "action",
  "ping",
  "codebase",
  "archive",
  "longdesc",
  "manifest",
  "profile",
  "cite",
]);
const NAVIGATION_ATTRIBUTES = new Set(["href"]);
const SAFE_LINK = /^(https?:\/\/|mailto:|tel:|#|\/(?!\/)|[^:/?#]+(?:[/?#]|$))/i;
const SAFE_RESOURCE = /^(data:image\/(png|gif|jpe?g|webp);base64,|\/(?!\/))/i;

/** True when the HTML only uses what the page's CSP allows, and no active content. */
export function htmlFitsPreviewPolicy(html: string): boolean {
  if (html.length > 1_000_000) return false;
  // CSS that fetches (url(), @import) or runs (expression()) is refused wherever it appears.
  if (/@import|expression\s*\(|url\s*\((?!\s*['"]?\s*data:image\/)/i.test(html)) return false;
  let ok = true;
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    onOpenTag(name, attribs) {
      if (FORBIDDEN_TAGS.has(name.toLowerCase())) ok = false;
      for (const [rawName, rawValue] of Object.entries(attribs)) {
        const attribute = rawName.toLowerCase();
        // Browsers ignore control characters and spaces inside URL schemes ("java\tscript:").
        const value = [...String(rawValue)].filter((c) => c.charCodeAt(0) > 0x20).join("");
        if (attribute.startsWith("on") || attribute === "http-equiv" || attribute === "srcdoc") ok = false;
        else if (LOADING_ATTRIBUTES.has(attribute) && value !== "" && !SAFE_RESOURCE.test(value)) ok = false;
        else if (NAVIGATION_ATTRIBUTES.has(attribute) && value !== "" && !SAFE_LINK.test(value)) ok = false;
      }
    },
  });
  return ok;
}
