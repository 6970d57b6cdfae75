/**
 * Exports at scale (issue 14): seeds N dossiers in the demo démarche with the CLI (`dossiers:seed`),
 * then generates one export per format, each in a fresh child process so that its peak RSS is its
 * own (`process.resourceUsage().maxRSS`), and prints time, peak RSS and file size per format.
 * PostgreSQL from DATABASE_URL (fresh database, dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/export.ts [--dossiers 10000] [--formats csv,xlsx,ods,json,zip]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { exports } from "../server/db/schema";
import { generateExport } from "../server/exports/generate-export";
import { createLocalStorage } from "../server/integrations/storage/local-storage";
import { logger } from "../server/logger";
import { requestExport } from "../server/operations/exports/request-export";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    dossiers: { type: "string", default: "10000" },
    formats: { type: "string", default: "csv,xlsx,ods,json,zip" },
    child: { type: "string" },
    storage: { type: "string" },
  },
});

async function child(format: string, storageDir: string) {
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  const { db } = database;
  const [me] = (
    await db.execute<{ id: number }>(
      sql`select i.id from instructeurs i join users u on u.id = i.user_id where u.email = 'instructeur@exemple.fr'`,
    )
  ).rows;
  const started = process.hrtime.bigint();
  const requested = await requestExport(db, Number(me?.id), 1, { format, statut: "tous", archives: true }, "fr");
  if (!requested.ok) throw new Error(JSON.stringify(requested.refusals));
  const outcome = await generateExport(
    { db, storage: createLocalStorage(storageDir), logger: logger.child({}, { level: "warn" }), appUrl: "http://bench" },
    requested.exportId,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [row] = await db.select().from(exports).where(eq(exports.id, requested.exportId));
  await database.close();
  console.log(
    JSON.stringify({
      format,
      outcome,
      dossiers: row?.processedCount,
      seconds: Math.round(seconds * 10) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      fileMb: Math.round(((row?.byteSize ?? 0) / 1024 / 1024) * 10) / 10,
    }),
  );
}

if (values.child) {
  await child(values.child, values.storage as string);
  process.exit(0);
}

const count = Number(values.dossiers);
const { env, dropDatabase, backend } = await benchEnvironment();
const storageDir = mkdtempSync(path.join(tmpdir(), "guichet-bench-exports-"));
try {
  cli(["seed"], env);
  const seedStart = process.hrtime.bigint();
  cli(["dossiers:seed", "--demarche", "1", "--count", String(count)], env);
  console.log(`${backend}: seeded ${count} dossiers in ${(Number(process.hrtime.bigint() - seedStart) / 1e9).toFixed(1)} s`);
  const self = fileURLToPath(import.meta.url);
  for (const format of String(values.formats).split(",")) {
    const run = spawnSync(process.execPath, ["--import", "tsx", self, "--child", format, "--storage", storageDir], {
      env: { ...process.env, ...env, LOG_LEVEL: "warn" },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`export ${format} failed:\n${run.stderr}${run.stdout}`);
    console.log(run.stdout.trim().split("\n").pop());
  }
} finally {
  rmSync(storageDir, { recursive: true, force: true });
  rmSync(env.DATA_DIR, { recursive: true, force: true });
  await dropDatabase();
}
