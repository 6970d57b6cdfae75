import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import type { JobName, JobPayload } from "./registry";

/**
 * Adds a job in the caller's transaction (outbox): if the change rolls back, the job never existed;
 * once it commits, a worker runs it. Every side effect (mail, PDF, webhook) goes through here.
 */
export async function enqueueJob<N extends JobName>(
  db: DbOrTx,
  name: N,
  payload: JobPayload<N>,
  options: { runAt?: Date; maxAttempts?: number; jobKey?: string } = {},
) {
  await db.execute(
    sql`select graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json, run_at => ${options.runAt?.toISOString() ?? null}::timestamptz, max_attempts => ${options.maxAttempts ?? 10}, job_key => ${options.jobKey ?? null})`,
  );
}
