import type { RouterContextProvider } from "react-router";
import type { Locale } from "../../common/i18n/types";
import { LOCALE_COOKIE, serializeCookie } from "../../server/http/cookies";
import { services } from "./request.server";

/** The cookie that keeps a language in this browser for a year (read before Accept-Language). */
export function localeCookie(context: Readonly<RouterContextProvider>, locale: Locale): string {
  return serializeCookie(LOCALE_COOKIE, locale, {
    secure: services(context).config.secureCookies,
    maxAgeSeconds: 365 * 24 * 3600,
  });
}
