/** Minimal cookie parsing/serialising: the few cookies we set are all HttpOnly and SameSite=Lax. */
export const SESSION_COOKIE = "guichet_session";
export const CSRF_COOKIE = "guichet_csrf";
export const LOCALE_COOKIE = "guichet_locale";
/** Binds a FranceConnect sign-in in progress to the browser that started it (random token; 10 minutes). */
export const FRANCE_CONNECT_COOKIE = "guichet_fc";

export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (!name || name in out) continue;
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      // A malformed cookie is ignored rather than failing the request.
    }
  }
  return out;
}

export function serializeCookie(
  name: string,
  value: string,
  options: { maxAgeSeconds?: number; secure: boolean; httpOnly?: boolean },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join("; ");
}
