import { EventEmitter } from "node:events";
import { run, runOnce, runMigrations as runWorkerMigrations, type Logger, type Runner, type WorkerEvents } from "graphile-worker";
import { watchWorkerLiveness } from "./liveness";
import type { Database } from "../db/client";
import { buildTaskList, CRONTAB } from "./registry";
import type { JobServices } from "./services";

/** Creates or updates graphile-worker's own schema (done by `guichet migrate`). */
export async function migrateJobQueue(database: Database) {
  await runWorkerMigrations({ pgPool: database.pool, noPreparedStatements: database.embedded });
}

/**
 * graphile-worker writes a finished job's completion without awaiting it unless completions are
 * batched; with a batch (of delay 0) stopping the runner, or the end of `runOnce`, waits for those
 * writes, so a job that returned is never left locked as if still running.
 */
const FLUSH_COMPLETIONS: GraphileConfig.Preset = { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } };

/** Runs every job due now, then returns once their outcomes are written (tests, `guichet jobs`). */
export async function runJobsOnce(database: Database, services: JobServices, logger?: Logger) {
  await runOnce({
    pgPool: database.pool,
    taskList: buildTaskList(services),
    noPreparedStatements: database.embedded,
    logger,
    preset: FLUSH_COMPLETIONS,
  });
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
    preset: FLUSH_COMPLETIONS,
  });
  const stop = runner.stop.bind(runner);
  // Stopped cleanly: the workers hold nothing, their heartbeats go with them.
  runner.stop = async (reason?: string) => {
    await stop(reason);
    await liveness.stop();
  };
  return runner;
}
