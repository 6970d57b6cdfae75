/**
 * The instructeur list at scale (issue 9): seeds N dossiers in the demo démarche with the CLI
 * (`dossiers:seed`), then measures p50/p95 of each tab's first page, a deep page, a filtered page
 * (a field value + a date range), a sorted page (on a field), a search and the démarches page
 * (counters) over HTTP, and the same list queries as raw SQL (built by `listQuery`, run with the
 * same pool), with an EXPLAIN excerpt of each. PostgreSQL from DATABASE_URL (fresh database,
 * dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/instructeur-list.ts [--dossiers 100000] [--requests 20]
 */
import { parseArgs } from "node:util";
import { type SQL, sql } from "drizzle-orm";
import { openDatabase } from "../server/db/client";
import { loadConfig } from "../server/config";
import { resolveSort } from "../server/domain/instructeur-list/columns";
import { parseFilters } from "../server/domain/instructeur-list/filters";
import { searchQuery } from "../server/domain/instructeur-list/normalize";
import { dossiersVisibleToInstructeur } from "../server/db/scopes";
import { countDossiersByTab, visibleByAdministration } from "../server/queries/instructeur/counters";
import { encodeCursor } from "../server/queries/instructeur/cursor";
import { type ListInput, listQuery, listWhere, notifiedCondition, sortKeyOf } from "../server/queries/instructeur/dossiers";
import { loadListColumns } from "../server/queries/instructeur/list-columns";
import { rechercheQuery } from "../server/queries/instructeur/recherche";
import { INSTRUCTEUR_TABS } from "../server/domain/instructeur-list/tabs";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli, load, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dossiers: { type: "string", default: "100000" },
    requests: { type: "string", default: "20" },
    // Raw SQL only (a loaded machine may not start the platform in time).
    "no-http": { type: "boolean", default: false },
  },
});
const count = Number(values.dossiers);
const requests = Number(values.requests);

/**
 * The header search's previous SQL (session 11 before the bounded ranking), kept to measure both in
 * the same run: every match (up to 10 000) ranked with `ts_rank`.
 */
function rechercheRankAll(instructeurId: number, query: string) {
  return sql`with matches as materialized (
      select s.dossier_id, ts_rank(to_tsvector('simple', s.document), to_tsquery('simple', ${query})) as rank
      from dossiers
      join dossier_search s on s.dossier_id = dossiers.id
      where dossiers.id = any(array(select f.dossier_id from dossier_search f
          where to_tsvector('simple', f.document) @@ to_tsquery('simple', ${query}) limit 10000))
        and ${dossiersVisibleToInstructeur(instructeurId)}
        and ${visibleByAdministration()}
      limit 10000
    )
    select m.dossier_id as id, m.rank::text as rank, count(*) over () as total
    from matches m
    order by m.rank desc, m.dossier_id desc
    limit 31`;
}

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
function stats(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 10) / 10;
  return { p50: at(50), p95: at(95) };
}

const { env, dropDatabase, backend } = await benchEnvironment();
try {
  cli(["seed"], env);
  const seedStart = process.hrtime.bigint();
  cli(["dossiers:seed", "--demarche", "1", "--count", String(count)], env);
  const seedSeconds = ms(seedStart) / 1000;
  console.log(`seeded ${count} dossiers in ${seedSeconds.toFixed(1)} s (${Math.round(count / seedSeconds)} dossiers/s)`);

  // Raw SQL side: the same queries through a pool of our own.
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  const { db } = database;
  await db.execute(sql`analyze`);
  const [me] = (
    await db.execute<{ id: number }>(
      sql`select i.id from instructeurs i join users u on u.id = i.user_id where u.email = 'instructeur@exemple.fr'`,
    )
  ).rows;
  const instructeurId = Number(me?.id);
  // Notifications of the instructeur (the seeder records no events): follows on count / 250 dossiers
  // en instruction and a message of the usager on about half of them, through the tables' triggers
  // (`dossier_notifications`), as the operations would leave them.
  const notifStart = process.hrtime.bigint();
  await db.execute(sql`insert into follows (instructeur_id, dossier_id)
    select ${instructeurId}, id from dossiers where demarche_id = 1 and state = 'en_instruction' and (id / 5) % 10 = 0
    order by id limit ${Math.max(10, Math.floor(count / 250))} on conflict do nothing`);
  await db.execute(sql`insert into events (kind, demarche_id, dossier_id, actor, actor_user_id, payload)
    select 'message.envoye', 1, f.dossier_id, 'usager', d.user_id, '{}'::jsonb
    from follows f join dossiers d on d.id = f.dossier_id where f.instructeur_id = ${instructeurId} and f.dossier_id % 100 < 50`);
  const notified = (
    await db.execute<{ n: number }>(
      sql`select count(*)::int as n from dossier_notifications where instructeur_id = ${instructeurId}`,
    )
  ).rows[0]?.n;
  console.log(`notifications: ${notified} dossier_notifications rows in ${(ms(notifStart) / 1000).toFixed(1)} s`);
  await db.execute(sql`analyze`);
  const columns = await loadListColumns(db, instructeurId, 1);
  const textField = columns.available.find((c) => c.field?.type === "text");
  const numberField = columns.available.find((c) => c.field?.type === "integer_number");
  const deep = (
    await db.execute<{ id: number; key: string }>(
      sql`select id, updated_at::text as key from dossiers where demarche_id = 1 and state <> 'brouillon' and for_test = false
          and archived = false and hidden_by_administration_at is null order by updated_at desc, id desc offset ${Math.floor(count * 0.8)} limit 1`,
    )
  ).rows[0];
  const sortDefault = resolveSort(null, null, columns.available).sort;
  const sortNumber = resolveSort(numberField?.id ?? null, "asc", columns.available).sort;
  const filterParams = [`${textField?.id}:contains:valeur 123 `, "self/depose_at:after:2025-06-01"];
  const filters = parseFilters(filterParams, columns.available, new Date().toISOString().slice(0, 10)).filters;
  const deepCursor = encodeCursor({
    direction: "after",
    sort: sortKeyOf(sortDefault),
    value: deep?.key ?? null,
    id: Number(deep?.id),
  });
  const base: ListInput = {
    instructeurId,
    demarcheId: 1,
    tab: "tous",
    sort: sortDefault,
    filters: [],
    search: null,
    cursor: null,
  };

  const sortNotifications = resolveSort("notifications", "desc", columns.available).sort;
  const now = new Date();
  // The notifications-first deep page: the same 80 % row, its key as the list prints it.
  const deepNotifiedKey = (
    await db.execute<{ key: string }>(
      sql`select ((case when ${notifiedCondition(instructeurId, now)} then 100000000000 else 0 end)::numeric
          + extract(epoch from dossiers.updated_at))::text as key from dossiers where id = ${Number(deep?.id)}`,
    )
  ).rows[0]?.key;
  const deepNotifications = {
    direction: "after" as const,
    sort: sortKeyOf(sortNotifications),
    value: deepNotifiedKey ?? null,
    id: Number(deep?.id),
  };
  // The previous notifications-first query (one key per row of the tab, events read per row), for comparison.
  const previousNotified = (tab: ListInput["tab"]) => {
    const limit = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const key = sql`((case when ((dossiers.state = 'en_construction' and dossiers.depose_at <= ${limit}::timestamptz and dossiers.followers_count = 0)
      or exists (select 1 from events e
        left join dossier_views v on v.dossier_id = e.dossier_id and v.instructeur_id = ${instructeurId}
        left join follows f on f.dossier_id = e.dossier_id and f.instructeur_id = ${instructeurId}
        where e.dossier_id = dossiers.id
          and e.actor_user_id is distinct from (select user_id from instructeurs where id = ${instructeurId})
          and (e.kind = 'dossier.expirant'
            or (e.kind in ('dossier.supprime', 'dossier.supprime_par_usager') and e.id > coalesce(v.last_seen_event_id, 0))
            or (f.instructeur_id is not null and e.created_at >= f.created_at and (
              (e.kind = 'dossier.modifie' and e.payload->>'stream' = 'private' and e.id > coalesce(v.annotations_seen_event_id, 0))
              or (e.kind = 'dossier.modifie' and e.payload->>'stream' is distinct from 'private' and e.id > coalesce(v.last_seen_event_id, 0))
              or (e.kind = 'message.envoye' and e.id > coalesce(v.messagerie_seen_event_id, 0))
              or (e.kind = 'avis.rendu' and e.id > coalesce(v.avis_seen_event_id, 0)))))))
      then 100000000000 else 0 end)::numeric + extract(epoch from dossiers.updated_at))`;
    return sql`select dossiers.id, (${key})::text as sort_value from dossiers where ${listWhere({ ...base, tab, now })}
      order by ${key} desc, dossiers.id desc limit 51`;
  };
  const cases: Array<{ name: string; url: string; input?: ListInput; raw?: ReturnType<typeof rechercheQuery> | SQL }> = [
    ...INSTRUCTEUR_TABS.map((tab) => ({ name: `tab ${tab}`, url: `/procedures/1?statut=${tab}`, input: { ...base, tab } })),
    {
      name: "deep page (80 %)",
      url: `/procedures/1?statut=tous&cursor=${deepCursor}`,
      input: {
        ...base,
        cursor: { direction: "after", sort: sortKeyOf(sortDefault), value: deep?.key ?? null, id: Number(deep?.id) },
      },
    },
    {
      name: "filtered (field contains + date after)",
      url: `/procedures/1?statut=tous&${filterParams.map((f) => `filtre=${encodeURIComponent(f)}`).join("&")}`,
      input: { ...base, filters },
    },
    {
      name: "sorted on a number field",
      url: `/procedures/1?statut=tous&tri=${encodeURIComponent(numberField?.id ?? "")}&ordre=asc`,
      input: { ...base, sort: sortNumber },
    },
    {
      name: "search « nom12345 »",
      url: "/procedures/1?statut=tous&q=nom12345",
      input: { ...base, search: searchQuery("nom12345") },
    },
    {
      name: "search « prénom 77 » (accents)",
      url: "/procedures/1?statut=tous&q=pr%C3%A9nom77",
      input: { ...base, search: searchQuery("prénom77") },
    },
    {
      name: "notifications first, tab a-suivre",
      url: "/procedures/1?statut=a-suivre&tri=notifications",
      input: { ...base, tab: "a-suivre", sort: sortNotifications },
    },
    {
      name: "notifications first, tab suivis",
      url: "/procedures/1?statut=suivis&tri=notifications",
      input: { ...base, tab: "suivis", sort: sortNotifications },
    },
    {
      name: "notifications first, tab tous",
      url: "/procedures/1?statut=tous&tri=notifications",
      input: { ...base, sort: sortNotifications },
    },
    {
      name: "notifications first, tab tous, deep page (80 %)",
      url: `/procedures/1?statut=tous&tri=notifications&cursor=${encodeCursor(deepNotifications)}`,
      input: { ...base, sort: sortNotifications, cursor: deepNotifications },
    },
    {
      name: "notifications first, tab a-suivre — previous query (key per row)",
      url: "",
      raw: previousNotified("a-suivre"),
    },
    {
      name: "notifications first, tab tous — previous query (key per row)",
      url: "",
      raw: previousNotified("tous"),
    },
    {
      name: "header search « nom12345 » (all démarches)",
      url: "/recherche?q=nom12345",
      raw: rechercheQuery({ instructeurId, query: searchQuery("nom12345") as string, cursor: null }),
    },
    {
      name: "header search « prénom » (every dossier matches), previous SQL: 10 000 ranked",
      url: "/recherche?q=pr%C3%A9nom",
      raw: rechercheRankAll(instructeurId, searchQuery("prénom") as string),
    },
    {
      name: "header search « prénom » (every dossier matches): the 500 most recent ranked",
      url: "/recherche?q=pr%C3%A9nom",
      raw: rechercheQuery({ instructeurId, query: searchQuery("prénom") as string, cursor: null }),
    },
    { name: "démarches page (counters)", url: "/procedures" },
  ];

  const rawTimes: Record<string, { p50: number; p95: number }> = {};
  const explains: Record<string, string> = {};
  for (const c of cases) {
    const latencies: number[] = [];
    if (c.input || c.raw) {
      const query = c.raw ?? listQuery(c.input as ListInput).query;
      for (let i = 0; i < requests; i++) {
        const t = process.hrtime.bigint();
        await db.execute(query);
        latencies.push(ms(t));
      }
      const plan = await db.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, costs off, timing off, summary on) ${query}`);
      explains[c.name] = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    } else {
      for (let i = 0; i < requests; i++) {
        const t = process.hrtime.bigint();
        await countDossiersByTab(db, instructeurId, [1]);
        latencies.push(ms(t));
      }
    }
    rawTimes[c.name] = stats(latencies);
  }
  await database.close();
  // Printed before the HTTP part: a platform that does not start loses nothing measured.
  console.log("| Query | raw SQL p50 | raw SQL p95 |\n| --- | --- | --- |");
  for (const c of cases) console.log(`| ${c.name} | ${rawTimes[c.name]?.p50} ms | ${rawTimes[c.name]?.p95} ms |`);
  for (const [name, plan] of Object.entries(explains)) console.log(`\n### ${name}\n\n\`\`\`\n${plan}\n\`\`\``);
  if (!values["no-http"]) {
    const platform = await startPlatform(env);
    try {
      const cookie = await signIn(platform.url, "instructeur@exemple.fr", "guichet-demo-2026");
      console.log(`\n${backend}, ${count} dossiers, ${requests} sequential requests each\n`);
      console.log("| Page | HTTP p50 | HTTP p95 | raw SQL p50 | raw SQL p95 |");
      console.log("| --- | --- | --- | --- | --- |");
      for (const c of cases) {
        if (!c.url) continue;
        await load(`${platform.url}${c.url}`, { cookie, requests: 2, concurrency: 1 });
        const page = await load(`${platform.url}${c.url}`, { cookie, requests, concurrency: 1 });
        if (page.errors > 0) throw new Error(`${c.url}: ${page.errors} errors`);
        const raw = rawTimes[c.name];
        console.log(`| ${c.name} | ${page.p50} ms | ${page.p95} ms | ${raw?.p50} ms | ${raw?.p95} ms |`);
      }
    } finally {
      await platform.stop();
    }
  }
} finally {
  await dropDatabase();
}
