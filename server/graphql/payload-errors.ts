/**
 * The GraphQL payloads' mapping of refusals (`server/refusal.ts`): the reference's
 * `errors: [ValidationError { message }]`, one per refusal, in French — the reference's API answers
 * in French whatever the client, and its clients match on these sentences.
 */
import { translate, type TranslationKey } from "../../common/i18n";
import type { Refusal } from "../refusal";

/** The language of every payload error. */
export const API_LOCALE = "fr" as const;

export interface ValidationError {
  message: string;
}

/** One message in the API's language. */
export function apiMessage(key: TranslationKey, params?: Record<string, string | number>): ValidationError {
  return { message: translate(API_LOCALE, key, params) };
}

/** The API's own refusal codes (`dossiers.api.<code>`), valid with every mutation. */
export const API_REFUSAL_MESSAGES = "dossiers.api";

/**
 * One message per refusal, from `<messages>.<code>` (the same keys the pages translate), else the
 * API's own codes; a code without a translation still gives a French sentence naming it, never a
 * bare key.
 */
export function payloadErrors(refusals: readonly Refusal[], messages: string): ValidationError[] {
  return refusals.map((refusal) => {
    for (const prefix of [messages, API_REFUSAL_MESSAGES]) {
      const key = `${prefix}.${refusal.code}`;
      const text = translate(API_LOCALE, key, refusal.params);
      if (text !== key) return { message: text };
    }
    return apiMessage("dossiers.api.refused", { code: refusal.code });
  });
}
