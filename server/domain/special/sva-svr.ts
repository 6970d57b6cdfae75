/**
 * Silence vaut accord / silence vaut rejet (reference: `SvaSvrConfiguration` and
 * `SVASVRDecisionDateCalculatorService`, ds-behaviour §2.4). Pure: the démarche's configuration,
 * its validation, and the « date prévisionnelle » of a dossier from its deposit date and its
 * correction requests. Dates are calendar days `YYYY-MM-DD` (Europe/Paris), never instants.
 */
import { z } from "zod";

export const SVA_SVR_DECISIONS = ["disabled", "sva", "svr"] as const;
export type SvaSvrDecision = (typeof SVA_SVR_DECISIONS)[number];
export const SVA_SVR_UNITS = ["days", "weeks", "months"] as const;
export type SvaSvrUnit = (typeof SVA_SVR_UNITS)[number];
/** What a resolved correction does to the delay: `continue` resumes it, `reset` starts it again. */
export const SVA_SVR_RESUMES = ["continue", "reset"] as const;
export type SvaSvrResume = (typeof SVA_SVR_RESUMES)[number];

export interface SvaSvrConfiguration {
  decision: SvaSvrDecision;
  period: number;
  unit: SvaSvrUnit;
  resume: SvaSvrResume;
}

/** The reference's defaults: 2 months, delay resumed after a correction. */
export const DEFAULT_SVA_SVR: SvaSvrConfiguration = { decision: "disabled", period: 2, unit: "months", resume: "continue" };

/** The longest period accepted, per unit (the reference caps nothing; this keeps dates sane). */
export const SVA_SVR_MAX_PERIOD: Record<SvaSvrUnit, number> = { days: 3650, weeks: 520, months: 120 };

/** Reads a stored configuration (jsonb, possibly partial or from an older shape) with the defaults. */
export function readSvaSvr(raw: unknown): SvaSvrConfiguration {
  const parsed = ZStoredSvaSvr.safeParse(raw ?? {});
  return parsed.success ? { ...DEFAULT_SVA_SVR, ...parsed.data } : DEFAULT_SVA_SVR;
}

const ZStoredSvaSvr = z
  .object({
    decision: z.enum(SVA_SVR_DECISIONS),
    period: z.number().int(),
    unit: z.enum(SVA_SVR_UNITS),
    resume: z.enum(SVA_SVR_RESUMES),
  })
  .partial();

export function svaSvrEnabled(config: SvaSvrConfiguration): boolean {
  return config.decision !== "disabled";
}

export type SvaSvrConfigError = "period_not_positive" | "period_too_long" | "incompatible_with_declarative";

/**
 * Why a configuration may not be saved: the period must be a positive whole number (an SVA of 0
 * is refused), below the maximum for its unit; a declarative démarche cannot be SVA/SVR.
 */
export function svaSvrConfigError(config: SvaSvrConfiguration, declarative: DeclarativeState | null): SvaSvrConfigError | null {
  if (config.decision === "disabled") return null;
  if (!Number.isInteger(config.period) || config.period <= 0) return "period_not_positive";
  if (config.period > SVA_SVR_MAX_PERIOD[config.unit]) return "period_too_long";
  if (declarative !== null) return "incompatible_with_declarative";
  return null;
}

/** The declarative target state of a démarche (reference: `declarative_with_state`). */
export const DECLARATIVE_STATES = ["en_instruction", "accepte"] as const;
export type DeclarativeState = (typeof DECLARATIVE_STATES)[number];

export interface CorrectionSpan {
  /** When the instructeur asked for the correction. */
  createdOn: string;
  /** When it was resolved (re-submission, passage en instruction, message deleted); null if pending. */
  resolvedOn: string | null;
  reason: "incorrect" | "incomplete" | "outdated";
}

export interface DecisionDateInput {
  config: Pick<SvaSvrConfiguration, "period" | "unit" | "resume">;
  /** First submission day. */
  deposeOn: string;
  corrections: readonly CorrectionSpan[];
  /** Today: a pending correction counts up to this day. */
  today: string;
}

/**
 * The « date prévisionnelle » of the automatic decision:
 * start + 1 day + period + correction delays, where
 * - start is the deposit day; with `reset`, the day the last correction was resolved (today while
 *   one is pending); with `continue`, the day the last *incomplete* correction was resolved, if any
 *   (an incomplete dossier is considered received only once completed);
 * - every correction resolved after the start adds (resolution day + 1 − request day) days; a
 *   pending one counts as resolved today (so the date moves while the usager does not answer).
 * Months are added as calendar months, clamped to the month's end (31 January + 1 month = 28/29 February).
 */
export function svaSvrDecisionDate(input: DecisionDateInput): string {
  const { config, corrections, today } = input;
  const resolvedOn = (c: CorrectionSpan) => c.resolvedOn ?? today;
  let start = input.deposeOn;
  if (config.resume === "reset" && corrections.length > 0) {
    start = maxDay(corrections.map(resolvedOn));
  } else if (config.resume === "continue") {
    const incomplete = corrections.filter((c) => c.reason === "incomplete");
    if (incomplete.length > 0) start = maxDay([start, ...incomplete.map(resolvedOn)]);
  }
  let delay = 0;
  for (const correction of corrections) {
    const end = resolvedOn(correction);
    if (end <= start) continue;
    delay += dayDiff(addDays(end, 1), correction.createdOn < start ? start : correction.createdOn);
  }
  return addDays(addPeriod(addDays(start, 1), config.period, config.unit), delay);
}

/** The decision is due: its day has come. */
export function svaSvrDecisionDue(decisionOn: string | null, today: string): boolean {
  return decisionOn !== null && decisionOn <= today;
}

// ---------------------------------------------------------------- calendar days

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

export function dayDiff(later: string, earlier: string): number {
  return Math.round((toUtc(later) - toUtc(earlier)) / DAY_MS);
}

export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, lastDay)));
}

function addPeriod(day: string, period: number, unit: SvaSvrUnit): string {
  if (unit === "days") return addDays(day, period);
  if (unit === "weeks") return addDays(day, period * 7);
  return addMonths(day, period);
}

function maxDay(days: readonly string[]): string {
  return days.reduce((a, b) => (b > a ? b : a));
}

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day of an instant in Paris (the reference's `to_date` in its time zone). */
export function parisDay(instant: Date): string {
  return PARIS_DAY.format(instant);
}
