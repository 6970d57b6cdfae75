/**
 * Typed filters of the instructeur's list (the reference's `FilteredColumn`), pure. In the URL each
 * filter is one `filtre` parameter `<column>:<operator>[:<value>]`, so a filtered list is a link
 * that can be bookmarked or shared. Filters on the same column are alternatives (OR: « one of
 * several options »), filters on different columns all apply (AND). Anything malformed is reported
 * with a precise refusal and left out; the page still renders.
 */
import type { ColumnDef, ColumnType } from "./columns";
import { normalizeText } from "./normalize";

export const FILTER_OPERATORS = [
  "contains",
  "in",
  "eq",
  "lt",
  "gt",
  "before",
  "after",
  "this_week",
  "this_month",
  "this_year",
  "is",
  "empty",
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<ColumnType, readonly FilterOperator[]> = {
  text: ["contains", "empty"],
  enum: ["in", "empty"],
  number: ["eq", "lt", "gt", "empty"],
  date: ["before", "after", "this_week", "this_month", "this_year", "empty"],
  boolean: ["is", "empty"],
};

/** Operators that take no value. */
const WITHOUT_VALUE: ReadonlySet<FilterOperator> = new Set(["this_week", "this_month", "this_year", "empty"]);

/** The reference caps a filter's value at 4 048 characters; 200 is plenty for a list filter. */
export const FILTER_VALUE_MAX = 200;
export const MAX_FILTERS = 20;

export type FilterCondition =
  | { kind: "contains"; text: string }
  | { kind: "in"; text: string; raw: string }
  | { kind: "number"; op: "eq" | "lt" | "gt"; value: number }
  | { kind: "date"; from: string | null; until: string | null }
  | { kind: "bool"; value: boolean }
  | { kind: "empty" };

export interface Filter {
  column: ColumnDef;
  operator: FilterOperator;
  /** The value as typed (shown on the chip), "" for operators without one. */
  value: string;
  /** What the query applies. */
  condition: FilterCondition;
  /** The URL parameter value that gives this filter (to remove its chip). */
  param: string;
}

export interface FilterRefusal {
  code:
    | "unknown_column"
    | "unknown_operator"
    | "operator_not_for_column"
    | "missing_value"
    | "too_long"
    | "invalid_date"
    | "invalid_number"
    | "invalid_boolean"
    | "unknown_option"
    | "too_many";
  params: Record<string, string>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (2026-02-30 is not), as YYYY-MM-DD. */
export function parseIsoDate(value: string): string | null {
  const match = value.match(ISO_DATE);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2200) {
    return null;
  }
  return match[0];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** [from, until) of « this week / month / year » around `today` (YYYY-MM-DD, weeks start on Monday). */
export function periodOf(op: "this_week" | "this_month" | "this_year", today: string): { from: string; until: string } {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  if (op === "this_year") return { from: `${y}-01-01`, until: `${y + 1}-01-01` };
  if (op === "this_month") return { from: day(new Date(Date.UTC(y, m - 1, 1))), until: day(new Date(Date.UTC(y, m, 1))) };
  const date = new Date(Date.UTC(y, m - 1, d));
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
  return { from: day(monday), until: day(new Date(monday.getTime() + 7 * 86_400_000)) };
}

const MAX_NUMBER = 1e15;

function conditionOf(
  column: ColumnDef,
  operator: FilterOperator,
  value: string,
  today: string,
): FilterCondition | FilterRefusal["code"] {
  switch (operator) {
    case "empty":
      return { kind: "empty" };
    case "contains": {
      const text = normalizeText(value.trim());
      return text === "" ? "missing_value" : { kind: "contains", text };
    }
    case "in": {
      const option = column.options?.find((o) => o === value.trim());
      return option === undefined ? "unknown_option" : { kind: "in", text: normalizeText(option), raw: option };
    }
    case "eq":
    case "lt":
    case "gt": {
      const text = value.trim().replace(",", ".").replace(/\s/g, "");
      const number = Number(text);
      if (text === "" || !Number.isFinite(number) || Math.abs(number) > MAX_NUMBER) return "invalid_number";
      return { kind: "number", op: operator, value: number };
    }
    case "before":
    case "after": {
      const date = parseIsoDate(frenchDateToIso(value.trim()));
      if (!date) return "invalid_date";
      return operator === "before"
        ? { kind: "date", from: null, until: date }
        : { kind: "date", from: nextDay(date), until: null };
    }
    case "this_week":
    case "this_month":
    case "this_year": {
      const { from, until } = periodOf(operator, today);
      return { kind: "date", from, until };
    }
    case "is":
      if (value === "true" || value === "false") return { kind: "bool", value: value === "true" };
      return "invalid_boolean";
  }
}

/** « 31/01/2026 » (as typed in France) → « 2026-01-31 »; anything else unchanged. */
export function frenchDateToIso(value: string): string {
  const match = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return match ? `${match[3]}-${(match[2] as string).padStart(2, "0")}-${(match[1] as string).padStart(2, "0")}` : value;
}

function nextDay(date: string): string {
  return day(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
}

/** `filtre` parameters → filters and refusals; `today` (YYYY-MM-DD) anchors « this week/month/year ». */
export function parseFilters(
  params: readonly string[],
  columns: readonly ColumnDef[],
  today: string,
): { filters: Filter[]; refusals: FilterRefusal[] } {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const filters: Filter[] = [];
  const refusals: FilterRefusal[] = [];
  for (const param of params) {
    if (filters.length >= MAX_FILTERS) {
      refusals.push({ code: "too_many", params: { max: String(MAX_FILTERS) } });
      break;
    }
    const [columnId = "", operator = "", ...rest] = param.split(":");
    const value = rest.join(":");
    const shownColumn = columnId.slice(0, 60);
    if (value.length > FILTER_VALUE_MAX) {
      refusals.push({ code: "too_long", params: { max: String(FILTER_VALUE_MAX) } });
      continue;
    }
    const column = byId.get(columnId);
    if (!column?.filterable) {
      refusals.push({ code: "unknown_column", params: { column: shownColumn } });
      continue;
    }
    if (!(FILTER_OPERATORS as readonly string[]).includes(operator)) {
      refusals.push({ code: "unknown_operator", params: { operator: operator.slice(0, 30) } });
      continue;
    }
    const op = operator as FilterOperator;
    if (!OPERATORS_BY_TYPE[column.type].includes(op)) {
      refusals.push({ code: "operator_not_for_column", params: { operator: op, column: column.id } });
      continue;
    }
    if (!WITHOUT_VALUE.has(op) && value.trim() === "") {
      refusals.push({ code: "missing_value", params: { column: column.id } });
      continue;
    }
    const condition = conditionOf(column, op, WITHOUT_VALUE.has(op) ? "" : value, today);
    if (typeof condition === "string") {
      refusals.push({ code: condition, params: { column: column.id, value: value.slice(0, 60) } });
      continue;
    }
    const canonical = WITHOUT_VALUE.has(op) ? `${column.id}:${op}` : `${column.id}:${op}:${value}`;
    if (filters.some((f) => f.param === canonical)) continue;
    filters.push({ column, operator: op, value: WITHOUT_VALUE.has(op) ? "" : value, condition, param: canonical });
  }
  return { filters, refusals };
}

/** Filters grouped by column: alternatives within a group, every group applies. */
export function groupByColumn(filters: readonly Filter[]): Filter[][] {
  const groups = new Map<string, Filter[]>();
  for (const filter of filters) groups.set(filter.column.id, [...(groups.get(filter.column.id) ?? []), filter]);
  return [...groups.values()];
}
