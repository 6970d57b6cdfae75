/**
 * Options shared by `date` and `datetime` (the reference's `date_in_past`, `range_date`,
 * `start_date`, `end_date`): past only, and/or an inclusive range of days. A datetime is checked
 * by its day for the range, and against the current Paris time for "past only".
 */
import { z } from "zod";
import type { TypedChampDescriptor } from "../definition";
import { champError, type ChampError } from "../errors";
import { parisWallTime } from "./date-format";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days a date may name when the field sets no bound of its own: anything outside is a typing
 * mistake (a year 22025 or 0202 typed in the browser's date control), refused at submission.
 */
export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2200-12-31";

/** A date (or datetime) whose year has more than four digits: later than any bound. */
const LONG_YEAR = /^\d{5,}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/**
 * The error of a value that has the shape of a date but a year of five digits or more (what the
 * native date control lets one type): "too late", naming the latest accepted day. Null otherwise.
 */
export function longYearError(value: string, descriptor: TypedChampDescriptor<DateRules>): ChampError | null {
  if (!LONG_YEAR.test(value)) return null;
  return champError("date_too_late", descriptor, { maxDate: descriptor.options.endDate ?? LATEST_DAY });
}

export function dateRulesSchema(isDay: (value: string) => boolean) {
  const day = z.string().refine((value) => ISO_DAY.test(value) && isDay(value), { message: "invalid_date" });
  return z
    .object({
      /** Only days (datetimes) before today (now) are accepted. */
      dateInPast: z.boolean().optional(),
      /** Earliest accepted day, inclusive. */
      startDate: day.optional(),
      /** Latest accepted day, inclusive. */
      endDate: day.optional(),
    })
    .refine((o) => o.startDate === undefined || o.endDate === undefined || o.startDate <= o.endDate, {
      message: "start_after_end",
      path: ["startDate"],
    });
}
export type DateRules = { dateInPast?: boolean; startDate?: string; endDate?: string };

/**
 * The first rule a valid value breaks, or null. Without a range of its own, a day must lie within
 * `EARLIEST_DAY`–`LATEST_DAY`. `value` is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
 * (Paris wall time); ISO strings of the same shape compare in time order.
 */
export function dateRulesError(
  value: string,
  descriptor: TypedChampDescriptor<DateRules>,
  now: Date = new Date(),
): ChampError | null {
  const { dateInPast } = descriptor.options;
  const startDate = descriptor.options.startDate ?? EARLIEST_DAY;
  const endDate = descriptor.options.endDate ?? LATEST_DAY;
  const day = value.slice(0, 10);
  if (dateInPast) {
    const current = parisWallTime(now);
    const reference = value.length > 10 ? current : current.slice(0, 10);
    if (value >= reference) return champError(value.length > 10 ? "datetime_not_in_past" : "date_not_in_past", descriptor);
  }
  if (day < startDate) return champError("date_too_early", descriptor, { minDate: startDate });
  if (day > endDate) return champError("date_too_late", descriptor, { maxDate: endDate });
  return null;
}
