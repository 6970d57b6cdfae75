import { hmac, safeEqual } from "../security/tokens";

export { CSRF_FIELD } from "../../common/csrf-field";

/**
 * Double-submit token bound to a random HttpOnly cookie: a page of another site can neither read
 * the cookie nor compute the HMAC, so it cannot forge the field.
 */
export function csrfTokenFor(secret: string, cookieSeed: string): string {
  return hmac(secret, `csrf:${cookieSeed}`);
}

export function isValidCsrfToken(expected: string, submitted: unknown): boolean {
  return typeof submitted === "string" && submitted.length > 0 && safeEqual(expected, submitted);
}
