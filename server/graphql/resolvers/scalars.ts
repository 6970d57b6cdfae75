/**
 * Custom scalars, serialised as the reference platform does (graphql-ruby in the Paris time zone):
 * - ISO8601DateTime: `2024-03-15T14:02:11+01:00` (seconds, Paris offset); inputs accept any offset,
 *   `Z`, no offset (Paris wall time) or a bare day (midnight, Paris);
 * - ISO8601Date: `2024-03-15`;
 * - BigInt: a string of digits (JavaScript clients would round big numbers).
 */
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const PARIS = "Europe/Paris";
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function parisWallTime(epochMs: number) {
  const parts: Record<string, string> = {};
  for (const part of PARTS.formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of Paris from UTC at that instant, in minutes (60 in winter, 120 in summer). */
function parisOffsetMinutes(epochMs: number): number {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const w = parisWallTime(seconds);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - seconds) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** `2024-03-15T14:02:11+01:00`: the instant in Paris time with its offset, to the second. */
export function formatDateTime(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  const epoch = date.getTime();
  if (Number.isNaN(epoch)) throw new TypeError(`not a date: ${String(value)}`);
  const w = parisWallTime(epoch);
  const offset = parisOffsetMinutes(epoch);
  const sign = offset < 0 ? "-" : "+";
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The instant of a Paris wall time (the first one when clocks go back, a shifted one when they skip). */
/** An instant as Paris wall time to the minute, `YYYY-MM-DDTHH:MM` (how datetime champs are stored). */
export function toParisLocalDatetime(date: Date): string {
  const w = parisWallTime(date.getTime());
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export function parisWallTimeToDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const first = guess - parisOffsetMinutes(guess) * 60_000;
  const second_ = guess - parisOffsetMinutes(first) * 60_000;
  return new Date(Math.min(first, second_));
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Parses an ISO 8601 date-time input; null when it is not one. */
export function parseDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8];
  if (!zone) return parisWallTimeToDate(year, month, day, hour, minute, second, ms);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (zone.toUpperCase() === "Z") return new Date(utc);
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!z) return null;
  const offset = (Number(z[2]) * 60 + Number(z[3] ?? 0)) * (z[1] === "-" ? -1 : 1);
  if (Math.abs(offset) > 18 * 60) return null;
  return new Date(utc - offset * 60_000);
}

/** True for `YYYY-MM-DD` naming a real day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function invalid(type: string, value: unknown): GraphQLError {
  return new GraphQLError(`${JSON.stringify(value)} is not a valid ${type}`);
}

export const ISO8601DateTime = new GraphQLScalarType<Date, string>({
  name: "ISO8601DateTime",
  serialize(value) {
    if (value instanceof Date || typeof value === "string") return formatDateTime(value);
    throw invalid("ISO8601DateTime", value);
  },
  parseValue(value) {
    const date = typeof value === "string" ? parseDateTime(value) : null;
    if (!date) throw invalid("ISO8601DateTime", value);
    return date;
  },
  parseLiteral(ast) {
    const date = ast.kind === Kind.STRING ? parseDateTime(ast.value) : null;
    if (!date) throw invalid("ISO8601DateTime", ast.kind === Kind.STRING ? ast.value : ast.kind);
    return date;
  },
});

export const ISO8601Date = new GraphQLScalarType<string, string>({
  name: "ISO8601Date",
  serialize(value) {
    if (typeof value === "string" && isIsoDate(value)) return value;
    throw invalid("ISO8601Date", value);
  },
  parseValue(value) {
    if (typeof value === "string" && isIsoDate(value)) return value;
    throw invalid("ISO8601Date", value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isIsoDate(ast.value)) return ast.value;
    throw invalid("ISO8601Date", ast.kind === Kind.STRING ? ast.value : ast.kind);
  },
});

const INTEGER = /^-?\d{1,30}$/;

function toBigIntString(value: unknown): string | null {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  if (typeof value === "string" && INTEGER.test(value)) return BigInt(value).toString();
  return null;
}

export const BigIntScalar = new GraphQLScalarType<string, string>({
  name: "BigInt",
  serialize(value) {
    const text = toBigIntString(value);
    if (text === null) throw invalid("BigInt", value);
    return text;
  },
  parseValue(value) {
    const text = toBigIntString(value);
    if (text === null) throw invalid("BigInt", value);
    return text;
  },
  parseLiteral(ast) {
    const text = ast.kind === Kind.STRING || ast.kind === Kind.INT ? toBigIntString(ast.value) : null;
    if (text === null) throw invalid("BigInt", ast.kind);
    return text;
  },
});
