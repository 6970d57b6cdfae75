/**
 * Form fields shared by the account operations, with their error messages as i18n keys, and the
 * result shapes the account pages render.
 */
import type { Locale } from "../../../common/i18n/types";
import { z } from "zod";
import type { TranslationKey } from "../../../common/i18n";
import type { Refused } from "../../refusal";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../security/password-rules";

/** A zod message: the i18n key of a field refusal (`invalidFields` turns it back into its code). */
const key = (code: FieldCode) => ({ error: `auth.errors.${code}` satisfies TranslationKey });

/** E-mail typed in a form: trimmed and lower-cased, as stored in users.email. */
export const ZEmailField = z
  .string(key("emailRequired"))
  .trim()
  .toLowerCase()
  .min(1, key("emailRequired"))
  .max(254, key("emailInvalid"))
  .pipe(z.email(key("emailInvalid")));

/** A password being chosen: the length rules shown on the forms, nothing else (no trimming either). */
export const ZNewPassword = z
  .string(key("passwordRequired"))
  .min(1, key("passwordRequired"))
  .min(PASSWORD_MIN_LENGTH, key("passwordTooShort"))
  .max(PASSWORD_MAX_LENGTH, key("passwordTooLong"));

/** The codes of the fields' refusals: their messages are `auth.errors.<code>`. */
export type FieldCode = "emailRequired" | "emailInvalid" | "passwordRequired" | "passwordTooShort" | "passwordTooLong";

/** What an account operation refuses: a field that does not parse, too many attempts, or its own `Code`s. */
export type AccountRefused<Code extends string = never> = Refused<object, FieldCode | "rate_limited" | Code>;

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

const FIELD_KEY_PREFIX = "auth.errors.";

/** The first refusal of each field, in the order zod checked them; the code is its message's key in `auth.errors`. */
export function invalidFields(error: z.ZodError): Refused<object, FieldCode> {
  const seen = new Set<string>();
  const refusals: Refused<object, FieldCode>["refusals"] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    refusals.push({ code: issue.message.slice(FIELD_KEY_PREFIX.length) as FieldCode, field });
  }
  return { ok: false, refusals };
}
