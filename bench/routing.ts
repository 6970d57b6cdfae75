/**
 * Groupes instructeurs at scale (issue 11 « Measure »): a démarche with 5,000 groupes made by simple
 * routing on a 5,000-option drop-down (one `field == value` rule each), N dossiers seeded with
 * `seedBulkDossiers` (values spread over the 5,000 options), then:
 * - routing one dossier at submission (load the routable groupes, the form and values, evaluate the
 *   rules, move: `routeDossierInTransaction`, rolled back), for dossiers whose groupe is the first,
 *   the middle or the last in label order;
 * - re-routing every undecided dossier (`rerouteBatch` until done), in dossiers per second;
 * - the administrateur's groupes page data (`listGroupes`: first page, a search, a deep page);
 * - the CSV import of 20,000 rows into 5,000 new groupes: in the request (`syncMaxRows` raised) and
 *   queued (`importGroupesCsv` then `runGroupesImport` until finished, as the job does).
 * In process against the database (no HTTP). PostgreSQL from DATABASE_URL (fresh database, dropped
 * afterwards), or embedded PGlite without it.
 * Routing at submission is measured through the key lookup and through every rule (before it), with
 * the decision alone against the raw SQL select of the matching groupe.
 *   npx tsx bench/routing.ts [--dossiers 100000] [--requests 30] [--only submission]
 */
import { parseArgs } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { loadChampValues } from "../server/db/champ-values";
import { openDatabase } from "../server/db/client";
import { loadRevisionChamps, loadRevisionForm } from "../server/db/revisions";
import { dossiers, groupesInstructeurs } from "../server/db/schema";
import { allFields } from "../server/domain/form/tree";
import { conditionContext, hiddenKeys } from "../server/domain/form/visibility";
import { geoConditionLookups } from "../server/domain/geo/condition-codes";
import { dossierRoutingKeys } from "../server/domain/routing/routing-keys";
import { routeDossier } from "../server/domain/routing/routing";
import { storageFor } from "../server/integrations/storage";
import { configureSimpleRouting } from "../server/operations/groupes/configure-simple-routing";
import { importGroupesCsv } from "../server/operations/groupes/import-groupes-csv";
import { rerouteBatch } from "../server/operations/groupes/reroute-dossiers";
import {
  loadRoutableGroupes,
  loadRoutingCandidates,
  routeDossierInTransaction,
} from "../server/operations/groupes/route-dossier";
import { runGroupesImport } from "../server/operations/groupes/run-groupes-import";
import { listGroupes } from "../server/queries/admin/groupes";
import { seedBulkDossiers } from "../server/seed/bulk-dossiers";
import { buildDemarche } from "../server/seed/factories";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dossiers: { type: "string", default: "100000" },
    requests: { type: "string", default: "30" },
    /** `submission`: stop after the routing-at-submission measures. */
    only: { type: "string" },
  },
});
const count = Number(values.dossiers);
const requests = Number(values.requests);
const GROUPES = 5000;

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
function stats(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN) * 10) / 10;
  return { p50: at(50), p95: at(95) };
}
const label = (i: number) => `Commune ${String(i).padStart(4, "0")}`;
class Rollback extends Error {}
class Done extends Error {}

const { env, dropDatabase, backend } = await benchEnvironment();
const rows: string[] = [];
const print = () => {
  console.log(`\n${backend}, ${GROUPES} groupes, ${count} dossiers, ${requests} samples each\n`);
  console.log("| Measure | p50 / time | p95 / rate |");
  console.log("| --- | --- | --- |");
  for (const row of rows) console.log(row);
};
try {
  cli(["seed"], env);
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  const { db } = database;

  // A démarche routed by a 5,000-option drop-down: one groupe and one rule per option.
  const options = Array.from({ length: GROUPES }, (_, i) => label(i));
  const built = await buildDemarche(db, {
    champs: [{ type: "drop_down_list", libelle: "Commune", options: { options, other: false } }],
  });
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const demarcheId = built.demarche.id;
  const revisionId = (
    await db.execute<{ id: number }>(sql`select published_revision_id as id from demarches where id = ${demarcheId}`)
  ).rows[0]?.id as number;
  const [field] = await loadRevisionChamps(db, revisionId);
  let t = process.hrtime.bigint();
  const routed = await configureSimpleRouting(db, admin, demarcheId, field?.stableId as number);
  if (!routed.ok || routed.count !== GROUPES) throw new Error(`simple routing: ${JSON.stringify(routed)}`);
  rows.push(`| simple routing: create ${GROUPES} groupes with their rule (one action) | ${ms(t).toFixed(0)} ms | (1 run) |`);

  t = process.hrtime.bigint();
  await seedBulkDossiers(db, { demarcheId, count });
  // Each dossier's answer: one of the 5,000 options, spread evenly.
  await db.execute(sql`
    update champs c set value = to_jsonb('Commune ' || lpad((c.dossier_id % ${GROUPES})::text, 4, '0'))
      from dossiers d where d.id = c.dossier_id and d.demarche_id = ${demarcheId} and c.stable_id = ${field?.stableId as number}`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${count} dossiers in ${(ms(t) / 1000).toFixed(1)} s`);

  // Routing at submission: dossiers answering the first, the middle and the last groupe's value,
  // through the key lookup (what submission does) and through every rule (the path before it,
  // `loadRoutableGroupes` then evaluation: still the re-routing job's), both rolled back; then the
  // decision alone (read the groupes, evaluate), and the raw SQL floor: the one indexed select of the
  // matching groupe by its key.
  const form = await loadRevisionForm(db, revisionId);
  const stableIds = allFields(form).map((f) => f.stableId);
  const stableId = field?.stableId as number;
  const sample = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.demarcheId, demarcheId), inArray(dossiers.state, ["en_construction", "en_instruction"])))
    .limit(requests);
  for (const [name, target] of [
    ["first groupe", 0],
    ["middle groupe", GROUPES / 2],
    ["last groupe", GROUPES - 1],
  ] as const) {
    const measured: Record<"keyed" | "every" | "decideKeyed" | "decideEvery" | "raw", number[]> = {
      keyed: [],
      every: [],
      decideKeyed: [],
      decideEvery: [],
      raw: [],
    };
    for (const dossier of sample) {
      try {
        await db.transaction(async (tx) => {
          // The answer that routes to the target groupe (rolled back with the rest).
          await tx.execute(
            sql`update champs set value = to_jsonb(${label(target)}::text) where dossier_id = ${dossier.id} and stable_id = ${stableId}`,
          );
          for (const path of ["keyed", "every"] as const) {
            await tx.execute(sql`savepoint routed`);
            const start = process.hrtime.bigint();
            const values = await loadChampValues(tx, dossier.id, form);
            const groupes = path === "every" ? await loadRoutableGroupes(tx, demarcheId, dossier.groupeInstructeurId) : undefined;
            await routeDossierInTransaction(tx, {
              dossier,
              tree: form,
              values,
              hidden: hiddenKeys(form, values),
              mode: "auto",
              actor: "usager",
              actorUserId: null,
              groupes,
            });
            measured[path].push(ms(start));
            await tx.execute(sql`rollback to savepoint routed`);
          }
          const values = await loadChampValues(tx, dossier.id, form);
          const context = conditionContext(form, values, hiddenKeys(form, values), new Set(), "", geoConditionLookups);
          let start = process.hrtime.bigint();
          const keys = dossierRoutingKeys(stableIds, context);
          const keyed = routeDossier({
            groupes: await loadRoutingCandidates(tx, demarcheId, dossier.groupeInstructeurId, keys),
            context,
          });
          measured.decideKeyed.push(ms(start));
          start = process.hrtime.bigint();
          const every = routeDossier({
            groupes: await loadRoutableGroupes(tx, demarcheId, dossier.groupeInstructeurId),
            context,
          });
          measured.decideEvery.push(ms(start));
          start = process.hrtime.bigint();
          const [raw] = (
            await tx.execute<{ id: number }>(
              sql`select id from groupes_instructeurs where demarche_id = ${demarcheId} and routing_key = ${`Logic::Eq:${stableId}:${label(target)}`} and not closed limit 1`,
            )
          ).rows;
          measured.raw.push(ms(start));
          if (keyed !== every || keyed !== raw?.id) throw new Error(`routing differs: ${keyed} ${every} ${raw?.id}`);
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    }
    const line = (what: string, values: number[], raw?: number[]) => {
      const s = stats(values);
      const ratio = raw ? ` (${(s.p50 / stats(raw).p50).toFixed(1)}× raw SQL)` : "";
      rows.push(`| ${what}, value of the ${name} (${values.length} dossiers) | ${s.p50} ms${ratio} | ${s.p95} ms |`);
    };
    line("route one dossier at submission by key lookup (values + route + move)", measured.keyed);
    line("… the same through every rule (before)", measured.every);
    line("routing decision alone by key lookup (read candidates + evaluate)", measured.decideKeyed, measured.raw);
    line("… through every rule (read 5,000 rules + evaluate)", measured.decideEvery, measured.raw);
    line("raw SQL: one indexed select of the groupe by its key", measured.raw);
  }
  if (values.only === "submission") {
    await database.close();
    throw new Done();
  }

  // Re-routing every undecided dossier.
  const [undecided] = (
    await db.execute<{ n: number }>(
      sql`select count(*)::int as n from dossiers where demarche_id = ${demarcheId} and state in ('en_construction', 'en_instruction')`,
    )
  ).rows;
  t = process.hrtime.bigint();
  let cursor: number | null = 0;
  while (cursor !== null) cursor = await rerouteBatch(db, demarcheId, cursor, admin.userId);
  const rerouteMs = ms(t);
  rows.push(
    `| re-route all ${undecided?.n} undecided dossiers (batches of 200) | ${(rerouteMs / 1000).toFixed(1)} s total | ${Math.round(((undecided?.n ?? 0) / rerouteMs) * 1000)} dossiers/s |`,
  );
  const [spread] = (
    await db.execute<{ n: number }>(
      sql`select count(distinct groupe_instructeur_id)::int as n from dossiers where demarche_id = ${demarcheId} and state in ('en_construction', 'en_instruction')`,
    )
  ).rows;
  console.log(`after re-routing, undecided dossiers are in ${spread?.n} groupes`);

  // The groupes page's data.
  for (const [name, opts] of [
    ["groupes page, first page", {}],
    ["groupes page, search « 4999 »", { q: "4999" }],
    ["groupes page, deep page (after « Commune 4000 »)", { after: label(4000) }],
  ] as const) {
    const latencies: number[] = [];
    for (let i = 0; i < requests + 2; i++) {
      const start = process.hrtime.bigint();
      await listGroupes(db, admin.administrateurId, demarcheId, opts);
      if (i >= 2) latencies.push(ms(start));
    }
    const s = stats(latencies);
    rows.push(`| ${name} (${GROUPES} groupes, ${count} dossiers) | ${s.p50} ms | ${s.p95} ms |`);
  }

  // The CSV import: 20,000 rows, 5,000 new groupes, 7,000 people.
  const csv = new TextEncoder().encode(
    Array.from({ length: 20_000 }, (_, i) => `Import ${i % GROUPES},agent-${i % 7000}@bench.exemple.fr`).join("\n"),
  );
  const storage = storageFor(config);
  for (const mode of ["request", "job"] as const) {
    const target = await buildDemarche(db, { published: false });
    const actor = { administrateurId: target.administrateurId, userId: target.admin.userId };
    const input = { bytes: csv, invitedByEmail: target.admin.email, locale: "fr" as const, storage };
    t = process.hrtime.bigint();
    const result = await importGroupesCsv(db, actor, target.demarche.id, {
      ...input,
      syncMaxRows: mode === "request" ? Number.POSITIVE_INFINITY : undefined,
    });
    const requestMs = ms(t);
    if (!result.ok) throw new Error(JSON.stringify(result));
    if (mode === "request") {
      rows.push(
        `| CSV import of 20,000 rows / 5,000 groupes in the request (one transaction) | ${(requestMs / 1000).toFixed(1)} s | (1 run) |`,
      );
    } else {
      if (result.mode !== "queued") throw new Error("not queued");
      t = process.hrtime.bigint();
      let runs = 0;
      while ((await runGroupesImport(db, storage, result.importId, { chunks: 10 })) === "more") runs++;
      rows.push(
        `| CSV import of 20,000 rows, queued: the request (validate + store + enqueue) | ${(requestMs / 1000).toFixed(1)} s | (1 run) |`,
        `| CSV import of 20,000 rows, queued: the job (${runs + 1} runs of ≤ 10 chunks of ~1,000 rows) | ${(ms(t) / 1000).toFixed(1)} s | (1 run) |`,
      );
    }
    const [made] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, target.demarche.id));
    if ((made?.n ?? 0) < GROUPES) throw new Error(`import made ${made?.n} groupes`);
  }
  await database.close();
  print();
} catch (error) {
  if (!(error instanceof Done)) throw error;
  print();
} finally {
  await dropDatabase();
}
