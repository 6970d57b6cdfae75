/**
 * The daily SVA/SVR job over a large démarche (issue 12): the demo démarche made SVA (2 months),
 * N dossiers en instruction deposited over the last 62 days (so about one day's worth is due), one
 * in ten with a resolved correction, then `processSvaSvrDaily` timed once (dates recomputed in
 * batches, due dossiers accepted one transaction each, with traitement, event and e-mail job).
 * PostgreSQL from DATABASE_URL (fresh database, dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/sva.ts [--count 100000]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { processSvaSvrDaily } from "../server/operations/dossiers/process-special-dossiers";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli } from "./lib.mjs";

const { values } = parseArgs({ options: { count: { type: "string", default: "100000" } } });
const count = Number(values.count);
const BATCH = 10_000;

const { env, dropDatabase, backend } = await benchEnvironment();
try {
  cli(["seed"], env);
  const database = await openDatabase(loadConfig({ ...process.env, ...env }));
  const { db } = database;
  await db.execute(
    sql`update demarches set sva_svr = '{"decision":"sva","period":2,"unit":"months","resume":"continue"}' where id = 1`,
  );
  const seedStart = process.hrtime.bigint();
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('guichet.defer_counters', 'on', true)`);
      await tx.execute(sql`
        insert into dossiers (demarche_id, revision_id, groupe_instructeur_id, user_id, state, depose_at, en_construction_at,
                              en_instruction_at, sva_svr_decision_on, created_at, updated_at)
        select 1, d.published_revision_id, (select id from groupes_instructeurs where demarche_id = 1 limit 1),
               (select id from users order by id limit 1), 'en_instruction', t, t, t, (t + interval '2 months')::date, t, t
        from demarches d, generate_series(${from}::int, ${to}::int) g,
             lateral (select now() - interval '62 days' * g / ${count}::float8 as t) tt
        where d.id = 1`);
    });
  }
  await db.execute(sql`
    with c as (
      insert into commentaires (dossier_id, author_kind, email, body, created_at)
      select id, 'instructeur', 'instructeur@exemple.fr', 'Merci de corriger', depose_at + interval '1 day'
      from dossiers where demarche_id = 1 and state = 'en_instruction' and id % 10 = 0 returning id, dossier_id, created_at)
    insert into dossier_corrections (dossier_id, commentaire_id, reason, created_at, resolved_at)
    select dossier_id, id, 'incorrect', created_at, created_at + interval '3 days' from c`);
  await db.execute(sql`analyze`);
  const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;
  const memBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const report = await processSvaSvrDaily(db);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const again = process.hrtime.bigint();
  const second = await processSvaSvrDaily(db);
  const secondMs = Number(process.hrtime.bigint() - again) / 1e6;
  console.log(
    JSON.stringify(
      {
        backend,
        dossiers: count,
        seedMs: Math.round(seedMs),
        firstRunMs: Math.round(ms),
        report,
        secondRunMs: Math.round(secondMs),
        secondReport: second,
        rssDeltaMB: Math.round((process.memoryUsage().rss - memBefore) / 1e6),
      },
      null,
      2,
    ),
  );
  await database.close();
} finally {
  await dropDatabase();
}
