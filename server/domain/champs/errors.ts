/**
 * Errors reported on one champ at submission. Each code has a message at
 * `champs.errors.<code>` in every locale; params always carry the champ's `libelle`.
 */
import { translate } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import { formatIsoDate, formatIsoDatetime } from "./types/date-format";

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
  /** communes / epci / address: what was typed matches several entries (the form lists them), or none. */
  "commune_ambiguous",
  "commune_not_found",
  "epci_ambiguous",
  "epci_not_found",
  "address_ambiguous",
  "address_not_found",
  /** address typed by hand: a part is missing, or (France) the postal code and city are no commune. */
  "address_incomplete",
  "address_commune_not_found",
  "too_long",
  "too_short",
  /** Number options (integer_number, decimal_number): positive only, min, max. */
  "not_positive",
  "too_small",
  "too_large",
  /** Date options (date, datetime): past only, range of days (params `minDate` / `maxDate`). */
  "date_not_in_past",
  "datetime_not_in_past",
  "date_too_early",
  "date_too_late",
  /** formatted: a character of a refused kind (`character`), a space, or no match of the pattern. */
  "formatted_character_refused",
  "formatted_space_refused",
  "formatted_mismatch",
  /** formatted with the administrateur's own message (`message`). */
  "formatted_mismatch_custom",
  /** linked_drop_down_list: mandatory secondary choice missing, or not one of the primary's. */
  "linked_secondary_required",
  "linked_secondary_mismatch",
  /** dossier_link: not a dossier number; the number names no submitted dossier (checked with the database). */
  "invalid_dossier_number",
  "dossier_not_found",
  /** Files (piece_justificative, titre_identite): at upload or, for the format, at submission. */
  "file_format_not_accepted",
  "file_too_large",
  "file_empty",
  "too_many_files",
  "upload_failed",
  /** Removing the only file of a mandatory field of a dossier en construction. */
  "file_last_required",
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
  return translate(locale, `champs.errors.${error.code}`, formatParams(error.params, locale));
}

const NUMBER_FORMATS = { fr: new Intl.NumberFormat("fr-FR"), en: new Intl.NumberFormat("en-GB") } as const;

/** Numbers in the reader's format (« 1 000,5 »); `…Date` params (ISO day or datetime) as the date types show them. */
function formatParams(params: ChampError["params"], locale: Locale): ChampError["params"] {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => {
      if (typeof value === "number") return [key, NUMBER_FORMATS[locale].format(value)];
      if (key.endsWith("Date") && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [key, formatIsoDate(value, locale)];
      if (key.endsWith("Date") && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return [key, formatIsoDatetime(value, locale)];
      return [key, value];
    }),
  );
}
