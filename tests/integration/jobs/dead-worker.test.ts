/**
 * A worker killed with SIGKILL while it holds a job: another worker runs the job again once the dead
 * one's heartbeat is stale (seconds here, under a minute by default), and a mail whose delivery was
 * recorded is never sent twice.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/boot";
import { mailboxMessages, mailDeliveries, workerHeartbeats } from "../../../server/db/schema";
import { createMailer } from "../../../server/integrations/mailer";
import { enqueueJob } from "../../../server/jobs/enqueue";
import { startWorker } from "../../../server/jobs/worker";
import { logger } from "../../../server/logger";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const LIVENESS = { heartbeatMs: 200, deadAfterMs: 1500 };
let database: TestDatabase;
/** An SMTP server that accepts connections and never answers: a send through it hangs. */
let silentSmtp: net.Server;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  database = await createTestDatabase();
  silentSmtp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentSmtp.listen(0, "127.0.0.1", () => resolve()));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silentSmtp?.close(() => resolve()));
  await database?.close();
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const mailJob = (to: string) =>
  enqueueJob(database.db, "send-mail", {
    to,
    template: "confirm_email",
    locale: "fr",
    params: { email: to, token: "t0k3n", redirectTo: null },
  });

/** The send-mail jobs still queued for this recipient, with the worker pool that holds each. */
const jobsTo = async (to: string) => {
  const rows = await database.db.execute<{ locked_by: string | null; id: string }>(
    sql`select id, locked_by from graphile_worker._private_jobs where payload->>'to' = ${to}`,
  );
  return rows.rows;
};

function startWorkerProcess(): ChildProcess {
  const port = (silentSmtp.address() as net.AddressInfo).port;
  return spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "server/cli/index.ts"), "worker"], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      DATA_DIR: database.config.dataDir,
      SESSION_SECRET: "x".repeat(32),
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      WORKER_HEARTBEAT_MS: String(LIVENESS.heartbeatMs),
      WORKER_DEAD_AFTER_MS: String(LIVENESS.deadAfterMs),
      LOG_LEVEL: process.env.WORKER_TEST_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", process.env.WORKER_TEST_LOG_LEVEL ? "inherit" : "ignore", "inherit"],
  });
}

function startLocalWorker(): Promise<Runner> {
  const config = { ...database.config, smtpUrl: undefined, workerLiveness: LIVENESS };
  const services = { config, db: database.db, logger: logger.child({}, { level: "error" }) };
  return startWorker(database, { ...services, mailer: createMailer(config, database.db) });
}

describe("jobs of a dead worker", () => {
  it("are run again by another worker within seconds of a SIGKILL, and the mail is delivered once", async () => {
    await mailJob("premiere@exemple.fr");
    const child = startWorkerProcess();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let workerId = "";
    try {
      // The child locked the job and is stuck in its SMTP send, heartbeat recorded.
      workerId = await until(
        "the worker process to lock the job",
        async () => (await jobsTo("premiere@exemple.fr")).find((job) => job.locked_by)?.locked_by,
        60_000,
      );
      await until(
        "its heartbeat",
        async () => (await database.db.select().from(workerHeartbeats).where(eq(workerHeartbeats.workerId, workerId)))[0],
        10_000,
      );
      await until("the SMTP connection", async () => sockets.size > 0, 10_000);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }

    const survivor = await startLocalWorker();
    try {
      const delivered = await until(
        "the mail delivered by the other worker",
        async () => (await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, "premiere@exemple.fr")))[0],
        LIVENESS.deadAfterMs + 15_000,
      );
      expect(delivered.subject).toBeTruthy();
      await until("the job done", async () => (await jobsTo("premiere@exemple.fr")).length === 0, 10_000);
      expect(await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, "premiere@exemple.fr"))).toHaveLength(
        1,
      );
      // The dead worker's heartbeat is gone with it.
      expect(await database.db.select().from(workerHeartbeats).where(eq(workerHeartbeats.workerId, workerId))).toEqual([]);
    } finally {
      await survivor.stop();
    }
    // Stopped cleanly: the survivor removed its own heartbeats.
    expect(await database.db.select().from(workerHeartbeats)).toEqual([]);
  }, 120_000);

  it("a job run again after its mail was recorded does not send it twice", async () => {
    await mailJob("deja@exemple.fr");
    const [job] = await jobsTo("deja@exemple.fr");
    if (!job) throw new Error("no job");
    // As if the first run had delivered and recorded the mail, then died before the job was completed.
    await database.db.insert(mailDeliveries).values({ jobId: String(job.id) });
    const worker = await startLocalWorker();
    try {
      await until("the job done", async () => (await jobsTo("deja@exemple.fr")).length === 0, 15_000);
    } finally {
      await worker.stop();
    }
    expect(await database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, "deja@exemple.fr"))).toEqual([]);
  }, 60_000);
});
