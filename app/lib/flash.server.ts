/**
 * One-time notices shown on the page a redirect leads to (« Votre adresse est confirmée » after the
 * confirmation link, wherever it goes on): a short-lived cookie holding a notice key, read and
 * cleared by the layout's loader. Only known keys are shown: the cookie carries no text.
 */
import type { RouterContextProvider } from "react-router";
import { parseCookies, serializeCookie } from "../../server/http/cookies";
import { FLASH_NOTICES, type FlashNotice } from "../components/flash-notice";
import { requestState, services } from "./request.server";

export const FLASH_COOKIE = "guichet_flash";

type Ctx = Readonly<RouterContextProvider>;

function flashCookie(context: Ctx, value: string, maxAgeSeconds: number) {
  return serializeCookie(FLASH_COOKIE, value, { secure: services(context).config.secureCookies, maxAgeSeconds });
}

export function setFlash(context: Ctx, notice: FlashNotice) {
  requestState(context).setCookies.push(flashCookie(context, notice, 60));
}

/** The notice waiting for this request, if any; it is shown once. */
export function takeFlash(context: Ctx, request: Request): FlashNotice | null {
  const value = parseCookies(request.headers.get("cookie"))[FLASH_COOKIE];
  if (value === undefined) return null;
  requestState(context).setCookies.push(flashCookie(context, "", 0));
  return (FLASH_NOTICES as readonly string[]).includes(value) ? (value as FlashNotice) : null;
}
