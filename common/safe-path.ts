/**
 * Redirect targets taken from the request (redirect_to) must stay on this site. A prefix check is
 * not enough: browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become
 * "//evil.example" (another site). Whitespace, backslashes and control characters are refused.
 */
const MAX_LENGTH = 2000;

export function isSafeRelativePath(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return false;
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || value[i] === "\\") return false;
  }
  return true;
}
