/**
 * Pure computations of the démarche statistics (the reference's `ProcedureStatsConcern`): percentiles,
 * winsorized mean, the « usual processing time », calendar weeks and months, rates, and the public
 * JSON shape. Days are calendar dates `YYYY-MM-DD` (Europe/Paris), never instants.
 */

export const USUAL_PROCESSING_PERCENTILE = 90;
export const RECENT_DAYS = 30;
export const WEEKS_MONTHS = 6;
export const DECISION_STATES = ["accepte", "refuse", "sans_suite"] as const;
export type DecisionState = (typeof DECISION_STATES)[number];

/** Linear-interpolation percentile (PostgreSQL's `percentile_cont`) of ascending values; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return low + (high - low) * (rank - lower);
}

/** Mean after clamping values below the 5th / above the 95th percentile to those percentiles. */
export function winsorizedMean(values: readonly number[], lowerPerc = 5, upperPerc = 95): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const lo = percentile(sorted, lowerPerc) as number;
  const hi = percentile(sorted, upperPerc) as number;
  return sorted.reduce((sum, v) => sum + Math.min(Math.max(v, lo), hi), 0) / sorted.length;
}

/**
 * The reference's usual processing time: processing durations (seconds) of the last 30 days, sorted,
 * cut into three slices of ⌈n/3⌉, the 90th percentile of each; null under three dossiers.
 */
export function usualProcessingTime(durations: readonly number[]): number[] | null {
  if (durations.length < 3) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  const size = Math.ceil(sorted.length / 3);
  const result: number[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    result.push(percentile(sorted.slice(i, i + size), USUAL_PROCESSING_PERCENTILE) as number);
  }
  return result;
}

/** Whole days, rounded up, of a duration in seconds; a zero mean reads as no data (the reference). */
export function secondsToDays(seconds: number | null): number | null {
  if (seconds === null || Math.ceil(seconds) === 0) return null;
  return Math.ceil(Math.ceil(seconds) / 86_400);
}

/** Percentage with one decimal; 0 when the total is 0. */
export function rate(value: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((1000 * value) / total) / 10;
}

const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
const formatDay = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDay(d);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const d = parseDay(day);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

/** First day of the month, `n` months later (negative: earlier). */
export function addMonths(month: string, n: number): string {
  const d = parseDay(`${month.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return formatDay(d);
}

export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Every first-of-month from the month of `from` to the month of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m <= monthStart(to); m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Day counts summed into the given weeks (days outside are ignored); every week present, 0 when empty. */
export function sumByWeek(rows: ReadonlyArray<{ day: string; count: number }>, weeks: readonly string[]) {
  const totals = new Map(weeks.map((w) => [w, 0]));
  for (const row of rows) {
    const w = weekStart(row.day);
    const current = totals.get(w);
    if (current !== undefined) totals.set(w, current + row.count);
  }
  return weeks.map((week) => ({ week, count: totals.get(week) ?? 0 }));
}

/** The window of the weekly charts: from the Monday six months before this week to its Sunday. */
export function weeklyWindow(today: string) {
  const thisWeek = weekStart(today);
  const d = parseDay(thisWeek);
  const dayOfMonth = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - WEEKS_MONTHS);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dayOfMonth, lastDay));
  const from = weekStart(formatDay(d));
  return { from, to: addDays(thisWeek, 6) };
}

/** What the statistics pages and the API show, in neutral form (labels come from the reader). */
export interface DemarcheStatistics {
  /** Paris date the statistics were computed for. */
  today: string;
  funnel: { tous: number; deposes: number; instruction: number; traites: number };
  decisions: Record<DecisionState, number>;
  /** Percentages of the décidés, one decimal. */
  decisionRates: Record<DecisionState, number>;
  processedByWeek: Array<{ week: string } & Record<DecisionState, number>>;
  deposesByWeek: Array<{ week: string; count: number }>;
  /** Seconds, 90th percentile of each third of the last 30 days' decisions; null under three. */
  usualProcessingTime: number[] | null;
  /** Seconds, 90th percentile of all the last 30 days' decisions; null when none. */
  recentProcessingP90: number | null;
  processingTimeByMonth: Array<{ month: string; days: number | null }>;
}

const FR_STATE_LABELS: Record<DecisionState, string> = {
  accepte: "Acceptés",
  refuse: "Refusés",
  sans_suite: "Classés sans suite",
};

const frWeek = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "short", timeZone: "UTC" });
const frMonth = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
export const frWeekLabel = (week: string) => frWeek.format(parseDay(week));
export const frMonthLabel = (month: string) => {
  const label = frMonth.format(parseDay(month));
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** The reference's JSON (`GET /api/public/v1/demarches/:id/stats`): French labels, same keys and nesting. */
export function toReferenceJson(stats: DemarcheStatistics) {
  const { funnel } = stats;
  return {
    funnel: [
      ["Tous (dont brouillon)", funnel.tous],
      ["Déposés", funnel.deposes],
      ["Instruction débutée", funnel.instruction],
      ["Traités", funnel.traites],
    ] as Array<[string, number]>,
    processed: DECISION_STATES.map((s) => [FR_STATE_LABELS[s], stats.decisionRates[s]]) as Array<[string, number]>,
    processed_by_week: DECISION_STATES.filter((s) => stats.processedByWeek.some((w) => w[s] > 0)).map((s) => ({
      name: s,
      data: Object.fromEntries(stats.processedByWeek.map((w) => [frWeekLabel(w.week), w[s]])),
    })),
    processing_time: stats.usualProcessingTime,
    processing_time_by_month: Object.fromEntries(stats.processingTimeByMonth.map((m) => [frMonthLabel(m.month), m.days])),
  };
}
