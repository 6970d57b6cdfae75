/** `date` (« Date »): a calendar day stored as `YYYY-MM-DD`, with no time zone attached. */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, requiredError, singleLine } from "../input";
import { formatApiDate, formatIsoDate } from "./date-format";
import { dateRulesError, dateRulesSchema, longYearError } from "./date-rules";

export const dateOptionsSchema = dateRulesSchema((value) => isCalendarDate(value));
export type DateOptions = z.infer<typeof dateOptionsSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Digits where a date's are, whether or not they name a real day (the year may be too long). */
const DATE_SHAPE = /^\d{4,}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` naming a real day: 2024-02-29 is valid, 2023-02-29 and 2023-02-30 are not. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (part: string) => part.padStart(2, "0");

/**
 * Rewrites the spellings people type when the browser has no date picker into ISO order:
 * `2024-3-5`, `2024/03/05` (accepted by the reference) and the French `05/03/2024`, `5.3.2024`.
 * Anything else is kept as typed so the draft loses nothing.
 */
function toIsoOrder(text: string): string {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2] ?? "")}-${pad(m[3] ?? "")}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${pad(m[2] ?? "")}-${pad(m[1] ?? "")}`;
  return text;
}

export const date: TypeDeChampDefinition<DateOptions, string, "date"> = {
  type: "date",
  category: "standard",
  hasValue: true,
  optionsSchema: dateOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    if (line === null) return null;
    // "15 / 03 / 2024" is a date with spaces; anything unrecognised keeps its spaces.
    const compact = line.replace(/\s+/g, "");
    const iso = toIsoOrder(compact);
    return iso !== compact || ISO_DATE.test(iso) ? iso : line;
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    if (isCalendarDate(value)) return dateRulesError(value, descriptor);
    return longYearError(value, descriptor) ?? champError("invalid_date", descriptor);
  },

  isBlank: isBlankString,

  /** fr: `15/03/2024`; en: `15 March 2024` (spelled out, as day/month order differs between English readers). */
  displayValue: (value, _options, locale) => {
    if (value === null) return "";
    return isCalendarDate(value) ? formatIsoDate(value, locale) : value;
  },
  stringValue: (value) => (isBlankString(value) ? null : value),
  apiStringValue: (value) => (isBlankString(value) ? "" : formatApiDate(value ?? "")),

  graphqlTypename: "DateChamp",
  graphqlDescriptorTypename: "DateChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: "2023-02-01" (its parser also takes "2023/02/01"). A value of that shape naming
  // no real day ("2023-02-30") or out of range is kept, as if the usager had typed it: the form shows
  // it and submission reports it, instead of it vanishing. Anything else is dropped.
  prefill: (raw) => {
    if (typeof raw !== "string") return null;
    const value = raw.trim().replace(/^(\d{4,})\/(\d{2})\/(\d{2})$/, "$1-$2-$3");
    return DATE_SHAPE.test(value) ? value : null;
  },

  prefillFormat: examplePrefill("2023-02-01"),
  conditionValueType: "unmanaged",
  casts: { datetime: (value) => (typeof value === "string" ? `${value}T00:00` : undefined) },
  sampleFormInput: () => "2026-03-15",
};
