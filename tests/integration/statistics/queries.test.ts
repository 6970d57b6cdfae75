/**
 * The statistics read models on a démarche whose dossiers have known dates: exact funnel, rates,
 * weekly buckets, processing times, the month cache, and the rollup kept equal to a full recount.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarcheStatsMonths, dossiers, dossierStatsDaily } from "../../../server/db/schema";
import { toReferenceJson } from "../../../server/domain/stats/compute";
import { demarcheStatistics } from "../../../server/queries/demarche-statistics";
import { platformStatistics } from "../../../server/queries/platform-statistics";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let demarcheId: number;
const ids: Record<string, number> = {};
const NOW = new Date("2026-12-09T12:00:00Z");
const DAY = 86_400;

async function setDates(id: number, dates: { depose?: string; processed?: string }) {
  await database.db
    .update(dossiers)
    .set({
      ...(dates.depose ? { deposeAt: new Date(dates.depose), enConstructionAt: new Date(dates.depose) } : {}),
      ...(dates.processed ? { processedAt: new Date(dates.processed) } : {}),
    })
    .where(eq(dossiers.id, id));
}

/** The rollup as a full recount from the dossiers would write it (zero rows left out). */
async function rollupVersusRecount(id: number) {
  const kept = await database.db.execute(sql`
    select metric, to_char(day, 'YYYY-MM-DD') as day, count from dossier_stats_daily
    where demarche_id = ${id} and count <> 0 order by 1, 2`);
  const recount = await database.db.execute(sql`
    select k.metric, to_char(k.day, 'YYYY-MM-DD') as day, count(*)::bigint as count
    from dossiers d, dossier_stats_keys(d.state, d.for_test, d.created_at, d.depose_at, d.processed_at,
      d.hidden_by_administration_at, d.hidden_by_user_at) k
    where d.demarche_id = ${id} group by 1, 2 order by 1, 2`);
  return { kept: kept.rows, recount: recount.rows };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { demarche } = await buildDemarche(db, { libelle: "Statistiques connues" });
  demarcheId = demarche.id;
  const build = async (name: string, state: Parameters<typeof buildDossier>[1]["state"]) => {
    ids[name] = (await buildDossier(db, { demarche, state })).dossierId;
  };
  await build("brouillon", "brouillon");
  await build("construction", "en_construction");
  await build("instruction", "en_instruction");
  await build("a1", "accepte");
  await build("a2", "accepte");
  await build("r1", "refuse");
  await build("s1", "sans_suite");
  await build("a3", "accepte");
  await build("hidden", "refuse");
  await setDates(ids.construction as number, { depose: "2026-12-02T10:00:00Z" });
  await setDates(ids.instruction as number, { depose: "2026-11-20T10:00:00Z" });
  await setDates(ids.a1 as number, { depose: "2026-10-01T10:00:00Z", processed: "2026-10-05T10:00:00Z" });
  await setDates(ids.a2 as number, { depose: "2026-10-10T10:00:00Z", processed: "2026-10-20T10:00:00Z" });
  await setDates(ids.r1 as number, { depose: "2026-11-25T10:00:00Z", processed: "2026-12-01T10:00:00Z" });
  await setDates(ids.s1 as number, { depose: "2026-11-28T10:00:00Z", processed: "2026-12-08T10:00:00Z" });
  await setDates(ids.a3 as number, { depose: "2026-11-30T10:00:00Z", processed: "2026-12-03T10:00:00Z" });
  await setDates(ids.hidden as number, { depose: "2026-11-02T10:00:00Z", processed: "2026-11-03T10:00:00Z" });
  // In the administration's corbeille: counted among all dossiers only.
  await db
    .update(dossiers)
    .set({ hiddenByAdministrationAt: sql`now()` })
    .where(eq(dossiers.id, ids.hidden as number));
  // Another démarche's dossiers never count here.
  const other = await buildDemarche(db, { libelle: "Autre démarche" });
  await buildDossier(db, { demarche: other.demarche, state: "accepte" });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("demarcheStatistics", () => {
  it("counts the funnel and the decisions from the rollup", async () => {
    const stats = await demarcheStatistics(database.db, demarcheId, NOW);
    expect(stats.today).toBe("2026-12-09");
    expect(stats.funnel).toEqual({ tous: 9, deposes: 7, instruction: 6, traites: 5 });
    expect(stats.decisions).toEqual({ accepte: 3, refuse: 1, sans_suite: 1 });
    expect(stats.decisionRates).toEqual({ accepte: 60, refuse: 20, sans_suite: 20 });
  });

  it("buckets deposits and decisions by Monday-started weeks over six months", async () => {
    const stats = await demarcheStatistics(database.db, demarcheId, NOW);
    expect(stats.deposesByWeek[0]?.week).toBe("2026-06-01");
    expect(stats.deposesByWeek.at(-1)?.week).toBe("2026-12-07");
    const nonZero = (rows: Array<{ week: string; count: number }>) => rows.filter((r) => r.count > 0);
    expect(nonZero(stats.deposesByWeek)).toEqual([
      { week: "2026-09-28", count: 1 },
      { week: "2026-10-05", count: 1 },
      { week: "2026-11-16", count: 1 },
      { week: "2026-11-23", count: 2 },
      { week: "2026-11-30", count: 2 },
    ]);
    expect(stats.processedByWeek.filter((w) => w.accepte + w.refuse + w.sans_suite > 0)).toEqual([
      { week: "2026-10-05", accepte: 1, refuse: 0, sans_suite: 0 },
      { week: "2026-10-19", accepte: 1, refuse: 0, sans_suite: 0 },
      { week: "2026-11-30", accepte: 1, refuse: 1, sans_suite: 0 },
      { week: "2026-12-07", accepte: 0, refuse: 0, sans_suite: 1 },
    ]);
  });

  it("computes the usual processing time of the last 30 days and the closed months' winsorized means", async () => {
    const stats = await demarcheStatistics(database.db, demarcheId, NOW);
    // Last 30 days: 3, 6 and 10 days.
    expect(stats.usualProcessingTime).toEqual([3 * DAY, 6 * DAY, 10 * DAY]);
    expect(stats.recentProcessingP90).toBeCloseTo(9.2 * DAY, 3);
    // October: 4 and 10 days, clamped to 4.3 and 9.7 → 7 days; November: no decision shown.
    expect(stats.processingTimeByMonth).toEqual([
      { month: "2026-10-01", days: 7 },
      { month: "2026-11-01", days: null },
    ]);
    expect(toReferenceJson(stats).processing_time_by_month).toEqual({ "Octobre 2026": 7, "Novembre 2026": null });
  });

  it("keeps a closed month's result and recomputes it when its decided count changes", async () => {
    const [cached] = await database.db
      .select()
      .from(demarcheStatsMonths)
      .where(and(eq(demarcheStatsMonths.demarcheId, demarcheId), eq(demarcheStatsMonths.month, "2026-10-01")));
    expect(cached).toMatchObject({ dossiers: 2, meanSeconds: 7 * DAY });
    // A third October decision of 1 day: p5 = 1.3 d, p95 = 9.4 d → (1.3 + 4 + 9.4) / 3 = 4.9 d → 5 days.
    await database.db
      .update(dossiers)
      .set({ processedAt: new Date("2026-10-03T10:00:00Z"), deposeAt: new Date("2026-10-02T10:00:00Z") })
      .where(eq(dossiers.id, ids.a3 as number));
    const stats = await demarcheStatistics(database.db, demarcheId, NOW);
    expect(stats.processingTimeByMonth[0]).toEqual({ month: "2026-10-01", days: 5 });
    await setDates(ids.a3 as number, { depose: "2026-11-30T10:00:00Z", processed: "2026-12-03T10:00:00Z" });
  });

  it("keeps the rollup equal to a full recount, and a deleted decided dossier counted", async () => {
    const before = await rollupVersusRecount(demarcheId);
    expect(before.kept).toEqual(before.recount);
    await database.db.delete(dossiers).where(eq(dossiers.id, ids.a1 as number));
    await database.db.delete(dossiers).where(eq(dossiers.id, ids.brouillon as number));
    const stats = await demarcheStatistics(database.db, demarcheId, NOW);
    // The brouillon is gone; the decided dossier stays in every step (the reference's tombstones).
    expect(stats.funnel).toEqual({ tous: 8, deposes: 7, instruction: 6, traites: 5 });
    const rows = await database.db.select().from(dossierStatsDaily).where(eq(dossierStatsDaily.demarcheId, demarcheId));
    expect(rows.every((r) => r.count >= 0)).toBe(true);
  });

  it("sums the platform's rollup", async () => {
    const stats = await platformStatistics(database.db, NOW);
    expect(stats.demarchesPubliees).toBe(2);
    expect(stats.dossiers).toEqual({ tous: 9, deposes: 8, traites: 6, acceptes: 4 });
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth.find((m) => m.month === "2026-10-01")).toEqual({ month: "2026-10-01", deposes: 2, traites: 2 });
  });
});
