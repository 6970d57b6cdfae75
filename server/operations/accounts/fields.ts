/**
 * Form fields shared by the account operations, with their error messages as i18n keys, and the
 * result shapes the account pages render.
 */
import type { Locale } from "../../../common/i18n/types";
import { z } from "zod";
import type { TranslationKey } from "../../../common/i18n";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../security/passwords";

const key = (k: TranslationKey) => ({ error: k });

/** E-mail typed in a form: trimmed and lower-cased, as stored in users.email. */
export const ZEmailField = z
  .string(key("auth.errors.emailRequired"))
  .trim()
  .toLowerCase()
  .min(1, key("auth.errors.emailRequired"))
  .max(254, key("auth.errors.emailInvalid"))
  .pipe(z.email(key("auth.errors.emailInvalid")));

/** A password being chosen: the length rules shown on the forms, nothing else (no trimming either). */
export const ZNewPassword = z
  .string(key("auth.errors.passwordRequired"))
  .min(1, key("auth.errors.passwordRequired"))
  .min(PASSWORD_MIN_LENGTH, key("auth.errors.passwordTooShort"))
  .max(PASSWORD_MAX_LENGTH, key("auth.errors.passwordTooLong"));

export type FieldErrors<F extends string> = Partial<Record<F, TranslationKey>>;

export type Invalid<F extends string> = { ok: false; reason: "invalid"; errors: FieldErrors<F> };
export type RateLimited = { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** A new session for the browser: the route puts the token in the session cookie. */
export interface SignedIn {
  userId: number;
  sessionToken: string;
  maxAgeSeconds: number;
  /** The user's own space, used when no redirect_to was given. */
  homePath: string;
  /** The account's language (`users.locale`): the pages' language once signed in. */
  locale: Locale;
}

/** First error of each field, as i18n keys (zod keeps the order of the checks). */
export function fieldErrors<F extends string>(error: z.ZodError): FieldErrors<F> {
  const errors: Record<string, TranslationKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message as TranslationKey;
  }
  return errors as FieldErrors<F>;
}
