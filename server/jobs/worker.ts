import { EventEmitter } from "node:events";
import { run, runMigrations as runWorkerMigrations, type Logger, type Runner, type WorkerEvents } from "graphile-worker";
import { watchWorkerLiveness } from "./liveness";
import type { Database } from "../db/client";
import { buildTaskList, CRONTAB } from "./registry";
import type { JobServices } from "./services";

/** Creates or updates graphile-worker's own schema (done by `guichet migrate`). */
export async function migrateJobQueue(database: Database) {
  await runWorkerMigrations({ pgPool: database.pool, noPreparedStatements: database.embedded });
}

/**
 * Starts a job runner. On PGlite, LISTEN/NOTIFY does not reach the runner through the shared
 * session, so it polls more often; prepared statements are off there too. Its workers' heartbeats
 * let other processes run again the jobs they held if this process dies (liveness.ts).
 */
export async function startWorker(database: Database, services: JobServices, concurrency = 2, logger?: Logger): Promise<Runner> {
  const events = new EventEmitter() as WorkerEvents;
  const liveness = watchWorkerLiveness(events, database.db, services.logger, services.config.workerLiveness);
  const runner = await run({
    pgPool: database.pool,
    taskList: buildTaskList(services),
    crontab: CRONTAB,
    concurrency: database.embedded ? 1 : concurrency,
    noHandleSignals: true,
    pollInterval: database.embedded ? 500 : 2000,
    noPreparedStatements: database.embedded,
    logger,
    events,
  });
  const stop = runner.stop.bind(runner);
  // Stopped cleanly: the workers hold nothing, their heartbeats go with them.
  runner.stop = async (reason?: string) => {
    await stop(reason);
    await liveness.stop();
  };
  return runner;
}
