import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { JOBS, type JobName, type JobPayload } from "./registry";

/** A job payload its schema refuses: thrown by `enqueueJob`, so the caller's transaction rolls back. */
export class InvalidJobPayloadError extends Error {
  constructor(
    readonly job: JobName,
    readonly issues: readonly { path: PropertyKey[]; message: string }[],
  ) {
    super(
      `invalid payload for job ${job}: ${issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ")}`,
    );
    this.name = "InvalidJobPayloadError";
  }
}

/**
 * Adds a job in the caller's transaction (outbox): if the change rolls back, the job never existed;
 * once it commits, a worker runs it. Every side effect (mail, PDF, webhook) goes through here.
 * The payload is checked with the job's schema now, not when the job runs: a payload that could
 * never succeed fails the change that produced it instead of being retried by the worker.
 */
export async function enqueueJob<N extends JobName>(
  db: DbOrTx,
  name: N,
  payload: JobPayload<N>,
  options: {
    runAt?: Date;
    maxAttempts?: number;
    jobKey?: string;
    /** Jobs of one named queue run one at a time, in order (webhook deliveries of a dossier). */
    queueName?: string;
    /** graphile-worker's `job_key_mode`: `preserve_run_at` keeps a retry's delay when the job is re-added. */
    jobKeyMode?: "replace" | "preserve_run_at";
  } = {},
) {
  const checked = JOBS[name].payload.safeParse(payload);
  if (!checked.success) throw new InvalidJobPayloadError(name, checked.error.issues);
  await db.execute(
    sql`select graphile_worker.add_job(${name}, ${JSON.stringify(payload)}::json, run_at => ${options.runAt?.toISOString() ?? null}::timestamptz, max_attempts => ${options.maxAttempts ?? 10}, job_key => ${options.jobKey ?? null}, queue_name => ${options.queueName ?? null}, job_key_mode => ${options.jobKeyMode ?? "replace"})`,
  );
}
