import { hmac, safeEqual } from "../security/tokens";
import { CSRF_COOKIE } from "./cookies";

export { CSRF_FIELD } from "../../common/csrf-field";

/**
 * What a CSRF token is bound to: the session when signed in, otherwise the anonymous pre-session
 * (a random HttpOnly cookie, for sign-in and sign-up forms). A page of another site can neither read
 * these cookies nor compute the HMAC. Binding to the session (not to a cookie of its own) means a
 * cookie planted by a neighbouring site (cookie tossing) gives no token valid for the victim's
 * session; signing in changes the session, hence the token.
 */
export interface CsrfBinding {
  sessionIdHash: string | null;
  preSession: string | null;
}

/** The anonymous pre-session cookie's value, when it has a plausible one. */
export function preSessionOf(cookies: Record<string, string>): string | null {
  const value = cookies[CSRF_COOKIE];
  return value && value.length <= 100 ? value : null;
}

/** The token forms of this request must carry; null when nothing binds one (no session, no pre-session). */
export function csrfTokenFor(secret: string, binding: CsrfBinding): string | null {
  if (binding.sessionIdHash) return hmac(secret, `csrf:session:${binding.sessionIdHash}`);
  if (binding.preSession) return hmac(secret, `csrf:anonymous:${binding.preSession}`);
  return null;
}

export function isValidCsrfToken(expected: string | null, submitted: unknown): boolean {
  // An empty expectation (nothing to bind a token to) accepts nothing.
  if (!expected) return false;
  return typeof submitted === "string" && submitted.length > 0 && safeEqual(expected, submitted);
}
