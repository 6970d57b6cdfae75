/**
 * Platform-wide public statistics (`/stats`): démarches published, dossiers created, deposited,
 * decided, per month over the last twelve months. Reads the `dossier_stats_daily` rollup (a few rows
 * per démarche and day, never the dossiers) and is cached an hour per process by the page.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { addMonths, DECISION_STATES, monthsBetween, monthStart, rate } from "../domain/stats/compute";
import { parisDate } from "./demarche-statistics";

export interface PlatformStatistics {
  today: string;
  demarchesPubliees: number;
  dossiers: { tous: number; deposes: number; traites: number; acceptes: number };
  acceptanceRate: number;
  byMonth: Array<{ month: string; deposes: number; traites: number }>;
}

export async function platformStatistics(db: DbOrTx, now = new Date()): Promise<PlatformStatistics> {
  const today = parisDate(now);
  const from = addMonths(monthStart(today), -11);
  const [demarcheRow] = (await db.execute(sql`select count(*) as n from demarches where state = 'publiee'`)).rows as Array<{
    n: number;
  }>;
  const totals = new Map<string, number>();
  for (const r of (await db.execute(sql`select metric, sum(count) as n from dossier_stats_daily group by metric`)).rows as Array<{
    metric: string;
    n: unknown;
  }>) {
    totals.set(r.metric, Number(r.n ?? 0));
  }
  const monthly = (
    await db.execute(sql`
      select to_char(date_trunc('month', day), 'YYYY-MM-DD') as month,
             sum(count) filter (where metric = 'deposes') as deposes,
             sum(count) filter (where metric in ('accepte', 'refuse', 'sans_suite')) as traites
      from dossier_stats_daily where day >= ${from}::date group by 1`)
  ).rows as Array<{ month: string; deposes: unknown; traites: unknown }>;
  const byMonthMap = new Map(monthly.map((r) => [r.month, r]));
  const traites = DECISION_STATES.reduce((sum, s) => sum + (totals.get(s) ?? 0), 0);
  const acceptes = totals.get("accepte") ?? 0;
  return {
    today,
    demarchesPubliees: Number(demarcheRow?.n ?? 0),
    dossiers: { tous: totals.get("tous") ?? 0, deposes: totals.get("deposes") ?? 0, traites, acceptes },
    acceptanceRate: rate(acceptes, traites),
    byMonth: monthsBetween(from, today).map((month) => ({
      month,
      deposes: Number(byMonthMap.get(month)?.deposes ?? 0),
      traites: Number(byMonthMap.get(month)?.traites ?? 0),
    })),
  };
}
