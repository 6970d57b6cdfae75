/**
 * A batch of 500 acceptances (issue 9): seeds N dossiers in the demo démarche (`dossiers:seed`),
 * picks 500 en instruction, creates the batch as the list page does (`createBatchOperation`), then
 * times its processing (`runBatchOperation`, the body of the `batch-operation` job: one
 * transaction per dossier through `accepterDossier`, events and mail jobs included). PostgreSQL from DATABASE_URL (fresh database,
 * dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/batch-operations.ts [--dossiers 5000] [--size 500]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { createBatchOperation } from "../server/operations/batch/create-batch-operation";
import { runBatchOperation } from "../server/operations/batch/run-batch-operation";
import { listBatchOperations } from "../server/queries/instructeur/batches";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli } from "./lib.mjs";

const { values } = parseArgs({
  options: { dossiers: { type: "string", default: "5000" }, size: { type: "string", default: "500" } },
});
const count = Number(values.dossiers);
const size = Number(values.size);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

const { env, dropDatabase, backend } = await benchEnvironment();
try {
  cli(["seed"], env);
  cli(["dossiers:seed", "--demarche", "1", "--count", String(count)], env);
  const config = loadConfig({ ...process.env, ...env });
  const database = await openDatabase(config);
  const { db } = database;
  try {
    const [me] = (
      await db.execute<{ instructeur_id: number; user_id: number; email: string }>(
        sql`select i.id as instructeur_id, u.id as user_id, u.email from instructeurs i join users u on u.id = i.user_id
            where u.email = 'instructeur@exemple.fr'`,
      )
    ).rows;
    if (!me) throw new Error("no demo instructeur");
    const actor = { userId: Number(me.user_id), instructeurId: Number(me.instructeur_id), email: me.email };
    const ids = (
      await db.execute<{ id: number }>(
        sql`select d.id from dossiers d
            where d.demarche_id = 1 and d.state = 'en_instruction' and d.for_test = false
              and d.groupe_instructeur_id in (select groupe_instructeur_id from groupe_instructeur_members where instructeur_id = ${actor.instructeurId})
            order by d.id limit ${size}`,
      )
    ).rows.map((r) => Number(r.id));
    if (ids.length < size) throw new Error(`only ${ids.length} dossiers en instruction: seed more (--dossiers)`);

    const createStart = process.hrtime.bigint();
    const created = await createBatchOperation(db, actor, 1, {
      kind: "accepter",
      dossierIds: ids,
      motivation: "Accepté en lot.",
    });
    const createMs = ms(createStart);
    if (!created.ok) throw new Error(`batch refused: ${JSON.stringify(created.refusals)}`);

    const runStart = process.hrtime.bigint();
    await runBatchOperation(db, created.batchOperationId);
    const runSeconds = ms(runStart) / 1000;
    const [report] = await listBatchOperations(db, actor.instructeurId, 1);
    const refusals = new Map<string, number>();
    for (const item of report?.refused ?? [])
      refusals.set(item.refusalCode ?? "?", (refusals.get(item.refusalCode ?? "?") ?? 0) + 1);

    console.log(
      JSON.stringify(
        {
          backend,
          seededDossiers: count,
          batchSize: ids.length,
          createMs: Math.round(createMs),
          processSeconds: Math.round(runSeconds * 10) / 10,
          perDossierMs: Math.round((runSeconds * 1000) / ids.length),
          succeeded: report?.succeeded.length,
          refused: Object.fromEntries(refusals),
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
} finally {
  await dropDatabase();
}
