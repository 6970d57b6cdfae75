/**
 * Statistics at scale (issue 14): N dossiers in the demo démarche spread over two years (every state,
 * processing times from 1 hour to 90 days), then p50/p95 of the statistics read model
 * (`demarcheStatistics`: rollup + index range scans + month cache), of the same figures computed
 * naively from `dossiers` (what the rollup avoids), and of the pages over HTTP.
 * The statistics read only dossiers' states and dates, so the dossiers are seeded bare (no champs,
 * set-based, rollup and counters rebuilt once): `dossiers:seed` writes every field and its indexes
 * and runs at a few hundred dossiers/s on this shared machine.
 * PostgreSQL from DATABASE_URL (fresh database, dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/stats.ts [--dossiers 1000000] [--requests 20]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { demarcheStatistics } from "../server/queries/demarche-statistics";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli, load, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: { dossiers: { type: "string", default: "1000000" }, requests: { type: "string", default: "20" } },
});
const count = Number(values.dossiers);
const requests = Number(values.requests);
const BATCH = 50_000;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
function summary(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 10) / 10;
  return { p50: at(50), p95: at(95) };
}
async function time(n: number, run: () => Promise<unknown>) {
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await run();
    latencies.push(ms(t));
  }
  return summary(latencies);
}

/** The same figures straight from `dossiers`, as a page would without the rollup. */
const NAIVE = sql`
  with d as (select * from dossiers where demarche_id = 1 and for_test = false),
  funnel as (select count(*) as tous, count(*) filter (where state <> 'brouillon') as deposes,
                    count(*) filter (where state not in ('brouillon', 'en_construction')) as instruction,
                    count(*) filter (where state in ('accepte', 'refuse', 'sans_suite')) as traites from d),
  weeks as (select date_trunc('week', processed_at) as w, state, count(*) from d
            where processed_at > now() - interval '6 months' and state in ('accepte', 'refuse', 'sans_suite') group by 1, 2),
  deposits as (select date_trunc('week', depose_at) as w, count(*) from d where depose_at > now() - interval '6 months' group by 1),
  months as (select date_trunc('month', processed_at) as m, avg(extract(epoch from processed_at - depose_at)) as mean
             from d where state in ('accepte', 'refuse', 'sans_suite') and processed_at < date_trunc('month', now()) group by 1)
  select (select row_to_json(funnel) from funnel), (select count(*) from weeks), (select count(*) from deposits),
         (select count(*) from months)`;

const { env, dropDatabase, backend } = await benchEnvironment();
try {
  cli(["seed"], env);
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  const { db } = database;
  const seedStart = process.hrtime.bigint();
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('guichet.defer_counters', 'on', true)`);
      await tx.execute(sql`
        insert into dossiers (demarche_id, revision_id, groupe_instructeur_id, state, depose_at, en_construction_at,
                              en_instruction_at, processed_at, created_at, updated_at)
        select 1, d.published_revision_id, (select id from groupes_instructeurs where demarche_id = 1 limit 1), s.state,
               case when s.state <> 'brouillon' then t end, case when s.state <> 'brouillon' then t end,
               case when s.state not in ('brouillon', 'en_construction') then t + interval '1 hour' end,
               case when s.state in ('accepte', 'refuse', 'sans_suite')
                    then least(now(), t + interval '1 hour' * (1 + (g::bigint * 7919) % 2160)) end,
               t, t
        from demarches d, generate_series(${from}::int, ${to}::int) g,
             lateral (select now() - interval '730 days' * g / ${count}::float8 as t) tt,
             lateral (select (array['brouillon','en_construction','en_construction','en_instruction','accepte',
                                    'accepte','accepte','accepte','refuse','sans_suite'])[1 + g % 10] as state) s
        where d.id = 1`);
    });
    process.stdout.write(`\r${to} dossiers`);
  }
  await db.execute(sql`select dossier_counters_rebuild(1)`);
  await db.execute(sql`select dossier_stats_rebuild(1)`);
  // Autovacuum's steady state: the visibility map lets the processing-time scans be index-only.
  await db.execute(sql`vacuum analyze`);
  const seedSeconds = ms(seedStart) / 1000;
  const rollupRows = (await db.execute<{ n: number }>(sql`select count(*) as n from dossier_stats_daily where demarche_id = 1`))
    .rows[0]?.n;
  console.log(`\nseeded ${count} dossiers in ${seedSeconds.toFixed(1)} s; rollup: ${rollupRows} rows`);

  const coldStart = process.hrtime.bigint();
  await demarcheStatistics(db, 1);
  const cold = ms(coldStart);
  const warm = await time(requests, () => demarcheStatistics(db, 1));
  await demarcheStatistics(db, 1, new Date(), { cacheRecent: true });
  const cachedRecent = await time(requests, () => demarcheStatistics(db, 1, new Date(), { cacheRecent: true }));
  const naive = await time(Math.min(requests, 5), () => db.execute(NAIVE));
  const explain = async (query: ReturnType<typeof sql>) =>
    (await db.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, costs off, timing off, summary on) ${query}`)).rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
  const plans = {
    "rollup totals": await explain(sql`select metric, sum(count) from dossier_stats_daily where demarche_id = 1 group by metric`),
    "last 30 days' processing times": await explain(sql`
      select percentile_cont(0.9) within group (order by extract(epoch from processed_at - depose_at)) from dossiers
      where demarche_id = 1 and state in ('accepte', 'refuse', 'sans_suite') and for_test = false
        and hidden_by_administration_at is null and processed_at is not null and depose_at is not null
        and processed_at between now() - interval '30 days' and now()`),
  };
  await database.close();

  const platform = await startPlatform(env);
  const pages: Array<[string, { p50: number; p95: number }]> = [];
  try {
    const cookie = await signIn(platform.url, "instructeur@exemple.fr", "guichet-demo-2026");
    for (const [name, url, withCookie] of [
      ["instructeur page /procedures/1/statistiques", "/procedures/1/statistiques", true],
      ["public API /api/public/v1/demarches/1/stats (cached)", "/api/public/v1/demarches/1/stats", false],
      ["platform /stats (cached)", "/stats", false],
    ] as const) {
      await load(`${platform.url}${url}`, { cookie: withCookie ? cookie : "", requests: 2, concurrency: 1 });
      const page = await load(`${platform.url}${url}`, { cookie: withCookie ? cookie : "", requests, concurrency: 1 });
      if (page.errors > 0) throw new Error(`${url}: ${page.errors} errors`);
      pages.push([name, page]);
    }
  } finally {
    await platform.stop();
  }
  console.log(`\n${backend}, ${count} dossiers in one démarche, ${requests} sequential requests each\n`);
  console.log("| What | p50 | p95 |");
  console.log("| --- | --- | --- |");
  console.log(`| demarcheStatistics, first call (computes every closed month) | ${Math.round(cold)} ms | — |`);
  console.log(`| demarcheStatistics, last 30 days' processing times recomputed | ${warm.p50} ms | ${warm.p95} ms |`);
  console.log(
    `| demarcheStatistics as pages call it (30 days' times cached ≤ 1 h) | ${cachedRecent.p50} ms | ${cachedRecent.p95} ms |`,
  );
  console.log(`| the same figures in raw SQL on dossiers (no rollup) | ${naive.p50} ms | ${naive.p95} ms |`);
  for (const [name, page] of pages) console.log(`| HTTP ${name} | ${page.p50} ms | ${page.p95} ms |`);
  for (const [name, plan] of Object.entries(plans)) console.log(`\n### ${name}\n\n\`\`\`\n${plan}\n\`\`\``);
} finally {
  await dropDatabase();
}
