/**
 * Statistics of one démarche (instructeur, administrateur and public pages, the public stats API).
 * Never reads all of a démarche's dossiers: counts come from the `dossier_stats_daily` rollup (a few
 * rows per day), processing times from `dossiers_stats_processed_idx` over the last 30 days, and each
 * closed month's processing time is computed once into `demarche_stats_months`. Callers scope the
 * démarche first (instructeur, administrateur, or published + opendata for the public).
 */
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { demarches, demarcheStatsMonths } from "../db/schema";
import {
  DECISION_STATES,
  type DecisionState,
  type DemarcheStatistics,
  monthsBetween,
  monthStart,
  RECENT_DAYS,
  rate,
  secondsToDays,
  sumByWeek,
  weeklyWindow,
  weeksBetween,
} from "../domain/stats/compute";
import { NotFoundError } from "../errors";
import { cachedStatistics } from "./statistics-cache";

const RECENT_TTL_MS = 60 * 60 * 1000;

const parisDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
/** The Europe/Paris calendar date of an instant, `YYYY-MM-DD`. */
export const parisDate = (now: Date) => parisDay.format(now);

/** Decided dossiers the administration sees: the predicate of `dossiers_stats_processed_idx`. */
const PROCESSED = sql`state in ('accepte', 'refuse', 'sans_suite') and for_test = false
  and hidden_by_administration_at is null and processed_at is not null and depose_at is not null`;
const DECISIONS = sql.raw(DECISION_STATES.map((s) => `'${s}'`).join(", "));

type Row = Record<string, unknown>;
const rowsOf = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** The published, opendata démarche of a public statistics page or API call; NotFoundError otherwise. */
export async function findOpendataDemarche(db: DbOrTx, where: { id: number } | { path: string }) {
  if ("id" in where && (!Number.isSafeInteger(where.id) || where.id <= 0)) throw new NotFoundError("Demarche");
  const [row] = await db
    .select({ id: demarches.id, libelle: demarches.libelle, path: demarches.path })
    .from(demarches)
    .where(
      and(
        "id" in where ? eq(demarches.id, where.id) : eq(demarches.path, where.path.trim().toLowerCase()),
        eq(demarches.opendata, true),
        sql`${demarches.state} in ('publiee', 'close', 'depubliee')`,
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError("Demarche");
  return row;
}

/**
 * Everything the statistics page shows, for the Paris day of `now`. `cacheRecent`: the last 30 days'
 * processing times (the one part that reads one row per recent decision: 60k rows at 1M dossiers)
 * are computed at most once an hour per process and démarche, as the reference caches them (12 h).
 */
export async function demarcheStatistics(
  db: DbOrTx,
  demarcheId: number,
  now = new Date(),
  options: { cacheRecent?: boolean } = {},
): Promise<DemarcheStatistics> {
  const today = parisDate(now);
  const totals = new Map<string, number>();
  for (const r of await rowsOf(
    db,
    sql`select metric, sum(count) as n from dossier_stats_daily where demarche_id = ${demarcheId} group by metric`,
  )) {
    totals.set(String(r.metric), num(r.n));
  }
  const decisions = Object.fromEntries(DECISION_STATES.map((s) => [s, totals.get(s) ?? 0])) as Record<DecisionState, number>;
  const traites = DECISION_STATES.reduce((sum, s) => sum + decisions[s], 0);

  const window = weeklyWindow(today);
  const weeks = weeksBetween(window.from, window.to);
  const daily = await rowsOf(
    db,
    sql`select metric, to_char(day, 'YYYY-MM-DD') as day, count from dossier_stats_daily
        where demarche_id = ${demarcheId} and metric in ('deposes', ${DECISIONS})
          and day between ${window.from}::date and ${window.to}::date`,
  );
  const byMetric = (metric: string) =>
    sumByWeek(
      daily.filter((r) => r.metric === metric).map((r) => ({ day: String(r.day), count: num(r.count) })),
      weeks,
    );
  const perState = Object.fromEntries(DECISION_STATES.map((s) => [s, byMetric(s)]));
  const processedByWeek = weeks.map((week, i) => ({
    week,
    accepte: perState.accepte?.[i]?.count ?? 0,
    refuse: perState.refuse?.[i]?.count ?? 0,
    sans_suite: perState.sans_suite?.[i]?.count ?? 0,
  }));

  const recent = options.cacheRecent
    ? await cachedStatistics(db, `recent:${demarcheId}:${now.toISOString().slice(0, 13)}`, RECENT_TTL_MS, () =>
        recentProcessingTimes(db, demarcheId, now),
      )
    : await recentProcessingTimes(db, demarcheId, now);
  return {
    today,
    funnel: {
      tous: totals.get("tous") ?? 0,
      deposes: totals.get("deposes") ?? 0,
      instruction: totals.get("instruction") ?? 0,
      traites,
    },
    decisions,
    decisionRates: Object.fromEntries(DECISION_STATES.map((s) => [s, rate(decisions[s], traites)])) as Record<
      DecisionState,
      number
    >,
    processedByWeek,
    deposesByWeek: byMetric("deposes"),
    usualProcessingTime: recent.clusters,
    recentProcessingP90: recent.p90,
    processingTimeByMonth: await processingTimeByMonth(db, demarcheId, today),
  };
}

/**
 * Decisions of the last 30 days: the 90th percentile of each third of their sorted durations (the
 * reference's `processing_time`, null under three) and of all of them, in one index range scan.
 */
async function recentProcessingTimes(db: DbOrTx, demarcheId: number, now: Date) {
  const rows = await rowsOf(
    db,
    sql`with t as (
          select extract(epoch from processed_at - depose_at)::float8 as s from dossiers
          where demarche_id = ${demarcheId} and ${PROCESSED}
            and processed_at between ${now.toISOString()}::timestamptz - make_interval(days => ${RECENT_DAYS}) and ${now.toISOString()}::timestamptz
        ), n as (select count(*) as c from t),
        r as (select s, ((row_number() over (order by s)) - 1) / ceil(c / 3.0) as cluster from t, n where c >= 3)
        select -1 as cluster, percentile_cont(0.9) within group (order by s) as p from t
        union all
        select cluster, percentile_cont(0.9) within group (order by s) from r group by cluster
        order by cluster`,
  );
  const p90 = rows.find((r) => num(r.cluster) === -1)?.p;
  const clusters = rows.filter((r) => num(r.cluster) >= 0).map((r) => num(r.p));
  return { p90: p90 === null || p90 === undefined ? null : num(p90), clusters: clusters.length > 0 ? clusters : null };
}

/**
 * Winsorized mean processing time of each closed month since the first decision (the reference:
 * up to the end of last month). A month is computed from the index once, and again only when its
 * decided count in the rollup changes (a decision taken back, a late correction).
 */
async function processingTimeByMonth(db: DbOrTx, demarcheId: number, today: string) {
  const thisMonth = monthStart(today);
  const counts = new Map<string, number>();
  for (const r of await rowsOf(
    db,
    sql`select to_char(date_trunc('month', day), 'YYYY-MM-DD') as month, sum(count) as n from dossier_stats_daily
        where demarche_id = ${demarcheId} and metric in (${DECISIONS}) and day < ${thisMonth}::date
        group by 1 having sum(count) > 0`,
  )) {
    counts.set(String(r.month), num(r.n));
  }
  if (counts.size === 0) return [];
  const first = [...counts.keys()].sort()[0] as string;
  const cached = new Map<string, { dossiers: number; meanSeconds: number | null }>();
  for (const r of await db
    .select({
      month: demarcheStatsMonths.month,
      dossiers: demarcheStatsMonths.dossiers,
      meanSeconds: demarcheStatsMonths.meanSeconds,
    })
    .from(demarcheStatsMonths)
    .where(eq(demarcheStatsMonths.demarcheId, demarcheId))) {
    cached.set(r.month, r);
  }
  const months = monthsBetween(first, today).filter((m) => m < thisMonth);
  const result: Array<{ month: string; days: number | null }> = [];
  for (const month of months) {
    const count = counts.get(month) ?? 0;
    let mean = cached.get(month);
    if (count > 0 && mean?.dossiers !== count) {
      mean = { dossiers: count, meanSeconds: await monthWinsorizedMean(db, demarcheId, month) };
      await db
        .insert(demarcheStatsMonths)
        .values({ demarcheId, month, dossiers: count, meanSeconds: mean.meanSeconds })
        .onConflictDoUpdate({
          target: [demarcheStatsMonths.demarcheId, demarcheStatsMonths.month],
          set: { dossiers: count, meanSeconds: mean.meanSeconds, computedAt: sql`now()` },
        });
    }
    result.push({ month, days: count > 0 ? secondsToDays(mean?.meanSeconds ?? null) : null });
  }
  return result;
}

/** Mean of decision − deposit (seconds) over one Paris month, clamped to its 5th–95th percentiles. */
async function monthWinsorizedMean(db: DbOrTx, demarcheId: number, month: string) {
  const [row] = await rowsOf(
    db,
    sql`with t as (
          select extract(epoch from processed_at - depose_at)::float8 as s from dossiers
          where demarche_id = ${demarcheId} and ${PROCESSED}
            and processed_at >= (${month}::date)::timestamp at time zone 'Europe/Paris'
            and processed_at < ((${month}::date + interval '1 month')::timestamp) at time zone 'Europe/Paris'
        ), b as (
          select percentile_cont(0.05) within group (order by s) as lo, percentile_cont(0.95) within group (order by s) as hi from t
        )
        select avg(least(greatest(s, lo), hi)) as mean from t, b`,
  );
  return row?.mean === null || row?.mean === undefined ? null : Number(row.mean);
}
