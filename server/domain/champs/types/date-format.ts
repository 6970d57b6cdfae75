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

const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/**
 * The reference API's date text (`%d %B %Y` in French): `2026-03-15` → « 15 mars 2026 », day on two
 * digits (« 05 mars 2026 »). A value that is not a calendar date is returned as it is, as the
 * reference does for old unparseable dates.
 */
export function formatApiDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const month = match ? FR_MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return value;
  return `${match[3]} ${month} ${match[1]}`;
}

/** The reference API's date-time text (`%d %B %Y %H:%M`, Paris wall time): « 15 mars 2026 14:30 ». */
export function formatApiDatetime(value: string): string {
  const [day = "", time = ""] = value.split("T");
  const date = formatApiDate(day);
  if (date === day || !/^\d{2}:\d{2}/.test(time)) return value;
  return `${date} ${time.slice(0, 5)}`;
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
