/**
 * Server helpers of the instructeur's pages: ids from the URL, dates written
 * out on the server (so that the page reads the same with or without JavaScript).
 */
import type { TFunction } from "../../common/i18n/index";
import type { Locale } from "../../common/i18n/types";
import { notFound } from "./request.server";

/** A positive integer from the URL, or 404. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  return id;
}

const TIME_ZONE = "Europe/Paris";

/** "12 mars 2026 à 14:05" / "12 March 2026 at 14:05", in French time. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale, t: TFunction): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const day = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: TIME_ZONE }).format(
    date,
  );
  const time = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeStyle: "short", timeZone: TIME_ZONE }).format(
    date,
  );
  return t("instructeur.dateAt", { date: day, time });
}

/** "12/03/2026" / "12/03/2026", in French time (table cells). */
export function formatDate(value: Date | string | null | undefined, locale: Locale): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "short", timeZone: TIME_ZONE }).format(date);
}
