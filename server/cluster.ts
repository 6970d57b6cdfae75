/**
 * Several web processes on one port (Node's cluster), to use every core: the primary opens and migrates
 * the database (in embedded mode it alone opens PGlite and serves it on its loopback port), seeds, runs
 * the job worker when asked, then forks WEB_CONCURRENCY web workers. Each worker connects to the
 * database through `pg` like any other client and serves HTTP; the primary hands out connections.
 *
 * Shutdown: on SIGTERM/SIGINT the primary asks every worker to stop (each finishes its in-flight
 * requests), waits for them, then stops the jobs and closes the database. A worker that dies otherwise
 * is replaced.
 */
import cluster, { type Worker } from "node:cluster";
import { type Running, onShutdown, startServices } from "./boot";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import { logger } from "./logger";

/** Environment the primary gives its web workers (the database they must connect to, never open). */
const WORKER_DATABASE_URL = "GUICHET_WORKER_DATABASE_URL";
const WORKER_EMBEDDED = "GUICHET_WORKER_EMBEDDED";
/** A worker restarted more often than this within a minute means it cannot start: stop trying. */
const MAX_RESTARTS_PER_MINUTE = 5;

export function isWebWorker() {
  return cluster.isWorker && Boolean(process.env[WORKER_DATABASE_URL]);
}

/** In a web worker: connect to the primary's database and serve HTTP until told to stop. */
export async function runWebWorker(config: Config) {
  const database = await openDatabase(config, undefined, {
    url: process.env[WORKER_DATABASE_URL] as string,
    embedded: process.env[WORKER_EMBEDDED] === "true",
  });
  const running = await startServices(config, database, { web: true, worker: false });
  onShutdown(async () => {
    await running.stop();
    await database.close();
  });
}

/**
 * In the primary: runs the job worker here when `worker` is set, forks `config.webConcurrency` web
 * workers and resolves once all of them listen.
 */
export async function startClusteredWeb(config: Config, database: Database, options: { worker: boolean }): Promise<Running> {
  const jobs = await startServices(config, database, { web: false, worker: options.worker });
  const env = { [WORKER_DATABASE_URL]: database.url, [WORKER_EMBEDDED]: String(database.embedded) };
  const workers = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;

  const fork = () =>
    new Promise<string>((resolve, reject) => {
      const worker = cluster.fork(env);
      workers.add(worker);
      let listening = false;
      worker.once("listening", (address) => {
        listening = true;
        const host = address.address && address.address !== "0.0.0.0" && address.address !== "::" ? address.address : "localhost";
        resolve(`http://${host.includes(":") ? `[${host}]` : host}:${address.port}`);
      });
      worker.once("exit", (code, signal) => {
        workers.delete(worker);
        if (!listening) return reject(new Error(`a web worker exited before listening (code ${code}, signal ${signal})`));
        if (stopping) return;
        const now = Date.now();
        restarts.push(now);
        while (restarts.length && (restarts[0] as number) < now - 60_000) restarts.shift();
        if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
          logger.fatal({ code, signal }, "web workers keep dying: stopping");
          process.kill(process.pid, "SIGTERM");
          return;
        }
        logger.error({ code, signal, pid: worker.process.pid }, "web worker died: starting another");
        fork().catch((error) => logger.error({ err: error }, "could not restart a web worker"));
      });
    });

  // The workers share one listening socket (with PORT=0 too: the cluster gives them the same port).
  const [url] = await Promise.all(Array.from({ length: config.webConcurrency }, () => fork()));
  logger.info({ workers: config.webConcurrency }, "web workers listening");

  return {
    url: url ?? null,
    async stop() {
      stopping = true;
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once("exit", () => resolve());
              worker.process.kill("SIGTERM");
            }),
        ),
      );
      await jobs.stop();
    },
  };
}
