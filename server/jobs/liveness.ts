/**
 * Jobs of a dead worker run again within a minute (graphile-worker alone waits 4 hours for a lock
 * to expire): every worker pool of this process (graphile-worker locks jobs in its pool's id)
 * records a heartbeat; every process, at each beat, unlocks the jobs of pools whose heartbeat is
 * older than `deadAfterMs` (`force_unlock_workers`) and forgets them. A worker that was only slow may see its job run twice: jobs with effects outside
 * the database guard against it (send-mail records its deliveries).
 */
import { sql } from "drizzle-orm";
import type { WorkerEvents } from "graphile-worker";
import type { Db } from "../db/client";
import { workerHeartbeats } from "../db/schema";
import type { Logger } from "../logger";

export interface LivenessOptions {
  heartbeatMs: number;
  deadAfterMs: number;
}

/** Listens to the events a runner is given (`run({ events })`), before it creates its pool. */
export function watchWorkerLiveness(events: WorkerEvents, db: Db, logger: Logger, options: LivenessOptions) {
  /** Pools that may hold a job: from their creation until released (after their last job ended). */
  const workerIds = new Set<string>();
  const everCreated = new Set<string>();
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    beating = beating
      .then(() => heartbeatAndSweep(db, [...workerIds], options.deadAfterMs, logger))
      .catch((error) => {
        logger.warn({ err: error }, "worker heartbeat failed");
      });
    return beating;
  };
  events.on("pool:create", ({ workerPool }) => {
    workerIds.add(workerPool.id);
    everCreated.add(workerPool.id);
    void beat();
  });
  events.on("pool:release", ({ workerPool }) => {
    workerIds.delete(workerPool.id);
  });
  const timer = setInterval(beat, options.heartbeatMs);
  timer.unref();
  return {
    /** After the runner stopped: its workers hold no job any more, their rows go. */
    async stop() {
      clearInterval(timer);
      await beating;
      const ids = [...everCreated];
      if (ids.length > 0) {
        await db.execute(sql`delete from ${workerHeartbeats} where worker_id = any(${sql.param(ids)}::text[])`);
      }
    },
  };
}

export async function heartbeatAndSweep(db: Db, aliveWorkerIds: readonly string[], deadAfterMs: number, logger: Logger) {
  if (aliveWorkerIds.length > 0) {
    await db.execute(sql`
      insert into ${workerHeartbeats} (worker_id, last_seen_at)
      select id, now() from unnest(${sql.param(aliveWorkerIds)}::text[]) as id
      on conflict (worker_id) do update set last_seen_at = now()`);
  }
  const dead = await db.execute<{ worker_id: string }>(sql`
    delete from ${workerHeartbeats}
     where last_seen_at < now() - make_interval(secs => ${deadAfterMs / 1000})
     returning worker_id`);
  const deadIds = dead.rows.map((row) => row.worker_id);
  if (deadIds.length === 0) return;
  await db.execute(sql`select graphile_worker.force_unlock_workers(${sql.param(deadIds)}::text[])`);
  logger.warn({ workerIds: deadIds }, "unlocked the jobs of dead workers");
}
