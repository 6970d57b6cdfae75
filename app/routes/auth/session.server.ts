/**
 * Server-side helpers shared by the account pages: session cookie, redirects after sign-in,
 * answers for rate-limited forms and response headers.
 */
import { data, redirect, type HeadersFunction, type RouterContextProvider } from "react-router";
import { SESSION_COOKIE, serializeCookie } from "../../../server/http/cookies";
import type { SignedIn } from "../../../server/operations/accounts/fields";
import type { Refusal } from "../../../server/refusal";
import { homePathFor } from "../../../server/operations/accounts/home-path";
import { cleanRedirectPath } from "../../../server/operations/accounts/redirect-path";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../server/security/passwords";
import type { TranslationKey } from "../../../common/i18n";
import { localeCookie } from "../../lib/locale-cookie.server";
import type { FieldErrorKeys } from "./form-ui";
import { requestState, services } from "../../lib/request.server";

type Ctx = Readonly<RouterContextProvider>;

/**
 * The fields' refusals of an account operation as the forms show them: field → `auth.errors.<code>`
 * (the refusals about the whole form are the page's alert, read from their code).
 */
export function fieldErrorKeys(refusals: readonly Refusal[]): FieldErrorKeys {
  const errors: FieldErrorKeys = {};
  for (const r of refusals) {
    if (r.field !== "form" && !(r.field in errors)) errors[r.field] = `auth.errors.${r.code}` as TranslationKey;
  }
  return errors;
}

/** The password rules, sent to the pages (the constants live in a server-only module). */
export const PASSWORD_RULES = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

export function userAgentOf(request: Request): string | null {
  return request.headers.get("user-agent");
}

/** The redirect_to of the query string, if it is a safe path of this site. */
export function redirectToParam(request: Request): string | undefined {
  return cleanRedirectPath(new URL(request.url).searchParams.get("redirect_to"));
}

/**
 * Puts the new session in the browser and sends it where it was going, or to its own space. The
 * account's language wins over the one this browser had: pages and e-mails then speak the same
 * language, the one the user chose last while signed in (or signed up in); choosing another one
 * while signed in changes both.
 */
export function signedInRedirect(context: Ctx, signedIn: SignedIn, redirectTo: unknown, fallback?: string) {
  const { config } = services(context);
  requestState(context).setCookies.push(
    serializeCookie(SESSION_COOKIE, signedIn.sessionToken, {
      secure: config.secureCookies,
      maxAgeSeconds: signedIn.maxAgeSeconds,
    }),
    localeCookie(context, signedIn.locale),
  );
  return redirect(cleanRedirectPath(redirectTo) ?? fallback ?? signedIn.homePath);
}

export function clearSessionCookie(context: Ctx) {
  const { config } = services(context);
  requestState(context).setCookies.push(serializeCookie(SESSION_COOKIE, "", { secure: config.secureCookies, maxAgeSeconds: 0 }));
}

/** Whether the FranceConnect button is shown (configured, or the local stand-in in development). */
export function franceConnectEnabled(context: Ctx): boolean {
  return services(context).config.franceConnect !== null;
}

/** Sign-in and sign-up pages are pointless once signed in: go on to the destination. */
export function redirectIfSignedIn(context: Ctx, request: Request) {
  const user = requestState(context).user;
  if (user) throw redirect(redirectToParam(request) ?? homePathFor(user));
}

/** A form refused by a rate limit: the page is shown again with the message, as HTTP 429. */
export function tooManyRequests<T extends object>(payload: T, retryAfterSeconds: number) {
  return data(
    { ...payload, formError: "rate_limited" as const, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * Account pages are never cached (they carry one-time links and personal answers) and never send
 * their address (which may hold a token) as referrer to another site ("same-origin" keeps the Origin
 * header that React Router checks on form posts). Retry-After of a refused form is kept.
 */
export const authHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });
  const retryAfter = actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
