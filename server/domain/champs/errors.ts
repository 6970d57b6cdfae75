/**
 * Errors reported on one champ at submission. Each code has a message at
 * `champs.errors.<code>` in every locale; params always carry the champ's `libelle`.
 */
import { translate } from "../../../app/i18n";
import type { Locale } from "../../../app/i18n/types";

export const CHAMP_ERROR_CODES = [
  "required",
  /** The stored value does not have the type's shape (corrupted data, changed type). */
  "invalid_value",
  "invalid_integer",
  "invalid_date",
  "invalid_decimal",
  "invalid_datetime",
  "invalid_email",
  "invalid_phone",
  "invalid_iban",
  "invalid_siret",
  "invalid_option",
  "too_long",
  /** The field's own options are unusable: the administrateur must fix the démarche. */
  "misconfigured",
] as const;
export type ChampErrorCode = (typeof CHAMP_ERROR_CODES)[number];

export interface ChampError {
  code: ChampErrorCode;
  params?: Record<string, string | number>;
}

export function champError(
  code: ChampErrorCode,
  descriptor: { libelle: string },
  params: Record<string, string | number> = {},
): ChampError {
  return { code, params: { libelle: descriptor.libelle, ...params } };
}

export function champErrorMessage(error: ChampError, locale: Locale): string {
  return translate(locale, `champs.errors.${error.code}`, error.params);
}
