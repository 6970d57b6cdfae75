/**
 * `datetime` (« Date et heure »): a Paris wall-clock time stored as ISO local `YYYY-MM-DDTHH:MM`
 * (what `<input type="datetime-local">` sends), displayed « 15/03/2024 à 14:30 ». The API turns it
 * into an instant with the Paris offset.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, requiredError, singleLine } from "../input";
import { isCalendarDate } from "./date";
import { formatApiDatetime, formatIsoDatetime } from "./date-format";
import { dateRulesError, dateRulesSchema, longYearError } from "./date-rules";

export const datetimeOptionsSchema = dateRulesSchema((value) => isCalendarDate(value));
export type DatetimeOptions = z.infer<typeof datetimeOptionsSchema>;

const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
/** Digits where a datetime's are, whether or not they name a real time (the year may be too long). */
const DATETIME_SHAPE = /^\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `YYYY-MM-DDTHH:MM` naming a real day and time (00:00–23:59). */
export function isLocalDatetime(value: string): boolean {
  const match = ISO_LOCAL.exec(value);
  if (!match) return false;
  return isCalendarDate(match[1] ?? "") && Number(match[2]) <= 23 && Number(match[3]) <= 59;
}

const pad = (part: string) => part.padStart(2, "0");

/**
 * Rewrites the spellings people (and the reference's parser) use into the stored form:
 * `2024-03-15T14:30[:SS]`, `2024-03-15 14:30`, `15/03/2024 14:30`, `15/03/2024 à 14h30`.
 * Seconds are dropped. Anything else is returned unchanged.
 */
function toIsoLocal(text: string): string {
  const compact = text.trim().replace(/\s+/g, " ");
  let m = /^(\d{4,})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2})[:h](\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(compact);
  if (m) return `${m[1]}-${pad(m[2] ?? "")}-${pad(m[3] ?? "")}T${pad(m[4] ?? "")}:${m[5]}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}),? (?:à |at )?(\d{1,2})[:h](\d{2})$/i.exec(compact);
  if (m) return `${m[3]}-${pad(m[2] ?? "")}-${pad(m[1] ?? "")}T${pad(m[4] ?? "")}:${m[5]}`;
  return text;
}

export const datetime: TypeDeChampDefinition<DatetimeOptions, string, "datetime"> = {
  type: "datetime",
  category: "standard",
  hasValue: true,
  optionsSchema: datetimeOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : toIsoLocal(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    if (isLocalDatetime(value)) return dateRulesError(value, descriptor);
    return longYearError(value, descriptor) ?? champError("invalid_datetime", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value, _options, locale) => {
    if (value === null) return "";
    return isLocalDatetime(value) ? formatIsoDatetime(value, locale) : value;
  },
  stringValue: (value) => (isBlankString(value) ? null : value),
  apiStringValue: (value) => (isBlankString(value) ? "" : formatApiDatetime(value ?? "")),

  graphqlTypename: "DatetimeChamp",
  graphqlDescriptorTypename: "DatetimeChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: "2023-02-01T10:30" (also "2023-02-01 10:30", "01/02/2023 10:30"). A value of
  // that shape naming no real time ("2023-02-30T10:30") is kept for submission to report, as the
  // date type does; anything else is dropped.
  prefill: (raw) => {
    if (typeof raw !== "string") return null;
    const value = toIsoLocal(raw);
    return DATETIME_SHAPE.test(value) ? value : null;
  },

  prefillFormat: examplePrefill("2023-02-01T10:30"),
  conditionValueType: "unmanaged",
  casts: { date: (value) => (typeof value === "string" ? value.slice(0, 10) : undefined) },
  sampleFormInput: () => "2026-03-15T14:30",
};
