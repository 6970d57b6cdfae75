/**
 * Who sends an upload request, read as the pages read it (`server/http/app.ts` getLoadContext):
 * the session cookie gives the user and, with the pre-session cookie, the token the form must carry,
 * and the locale cookie or Accept-Language the language of error messages.
 */
import type { IncomingMessage } from "node:http";
import type { AppServices, CurrentUser } from "../context";
import { type Locale, isLocale, localeFromAcceptLanguage } from "../../../common/i18n";
import { LOCALE_COOKIE, SESSION_COOKIE, parseCookies } from "../cookies";
import { csrfTokenFor, isValidCsrfToken, preSessionOf } from "../csrf";
import { loadSessionUser } from "../session";

export interface RequestAuth {
  user: CurrentUser | null;
  locale: Locale;
  /** True when `submitted` is the CSRF token of this browser. */
  isValidCsrf(submitted: unknown): boolean;
}

export function requestLocale(req: IncomingMessage): Locale {
  const cookie = parseCookies(req.headers.cookie)[LOCALE_COOKIE];
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(req.headers["accept-language"]);
}

export async function readRequestAuth(services: Pick<AppServices, "config" | "db">, req: IncomingMessage): Promise<RequestAuth> {
  const cookies = parseCookies(req.headers.cookie);
  const session = await loadSessionUser(services.db, cookies[SESSION_COOKIE]);
  // Bound as the pages bind it: to the session, or to the anonymous pre-session cookie.
  const expected = csrfTokenFor(services.config.sessionSecret, {
    sessionIdHash: session?.idHash ?? null,
    preSession: preSessionOf(cookies),
  });
  return {
    user: session?.user ?? null,
    locale: requestLocale(req),
    isValidCsrf: (submitted) => isValidCsrfToken(expected, submitted),
  };
}
