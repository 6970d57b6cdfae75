import { run, runMigrations as runWorkerMigrations, type Logger, type Runner } from "graphile-worker";
import type { Database } from "../db/client";
import { buildTaskList, CRONTAB } from "./registry";
import type { JobServices } from "./services";

/** Creates or updates graphile-worker's own schema (done by `guichet migrate`). */
export async function migrateJobQueue(database: Database) {
  await runWorkerMigrations({ pgPool: database.pool, noPreparedStatements: database.embedded });
}

/**
 * Starts a job runner. On PGlite, LISTEN/NOTIFY does not reach the runner through the shared
 * session, so it polls more often; prepared statements are off there too.
 */
export async function startWorker(database: Database, services: JobServices, concurrency = 2, logger?: Logger): Promise<Runner> {
  return run({
    pgPool: database.pool,
    taskList: buildTaskList(services),
    crontab: CRONTAB,
    concurrency: database.embedded ? 1 : concurrency,
    noHandleSignals: true,
    pollInterval: database.embedded ? 500 : 2000,
    noPreparedStatements: database.embedded,
    logger,
  });
}
