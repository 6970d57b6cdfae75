/**
 * Display of the stored date forms (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`) and the current day / wall
 * time in Paris, shared by `date`, `datetime` and error messages. Built from the ISO parts rather
 * than a Date so the day never shifts with the server's time zone and years below 1000 keep their
 * four digits.
 */
import { translate } from "../../../../common/i18n";
import type { Locale } from "../../../../common/i18n/types";

const EN_MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/** fr: `15/03/2024`; en: `15 March 2024` (spelled out, as day/month order differs between English readers). */
export function formatIsoDate(value: string, locale: Locale): string {
  const [year = "", month = "", day = ""] = value.split("-");
  if (locale === "fr") return `${day}/${month}/${year}`;
  const monthName = EN_MONTH.format(new Date(Date.UTC(2000, Number(month) - 1, 1)));
  return `${Number(day)} ${monthName} ${year}`;
}

/** « 15/03/2024 à 14:30 » / « 15 March 2024 at 14:30 ». */
export function formatIsoDatetime(value: string, locale: Locale): string {
  const [day = "", time = ""] = value.split("T");
  return translate(locale, "champs.datetime.format", { date: formatIsoDate(day, locale), time });
}

const PARIS_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Paris wall time of an instant as `YYYY-MM-DDTHH:MM` (its first 10 characters: the day). */
export function parisWallTime(now: Date = new Date()): string {
  const parts = Object.fromEntries(PARIS_PARTS.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
