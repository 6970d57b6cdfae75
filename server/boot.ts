/**
 * Process assembly shared by the CLI commands: open the database, apply migrations, and start the
 * web server and/or the job worker, with a graceful shutdown on SIGTERM/SIGINT.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Logger as WorkerLogger } from "graphile-worker";
import type { ServerBuild } from "react-router";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import { runMigrations } from "./db/migrate";
import { createGraphqlMount } from "./graphql/mount";
import { createRestMounts } from "./rest/mount";
import { createHttpApp } from "./http/app";
import { createMailer } from "./integrations/mailer";
import { logger } from "./logger";
import { migrateJobQueue, startWorker } from "./jobs/worker";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where `npm run build` wrote the pages bundle (BUILD_DIR, default build/). */
export const BUILD_DIR = path.resolve(ROOT_DIR, process.env.BUILD_DIR ?? "build");
const BUILD_ENTRY = path.join(BUILD_DIR, "server", "index.js");

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase(config);
  await runMigrations(database.db);
  await migrateJobQueue(database);
  return database;
}

export async function loadServerBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD_ENTRY)) {
    throw new Error("The web interface is not built: run `npm run build` (npm start does it for you).");
  }
  return (await import(pathToFileURL(BUILD_ENTRY).href)) as ServerBuild;
}

export interface Running {
  url: string | null;
  stop(): Promise<void>;
}

/** Starts what the options ask for on an open database; `stop` finishes in-flight work first. */
export async function startServices(
  config: Config,
  database: Database,
  options: { web: boolean; worker: boolean },
): Promise<Running> {
  const services = { config, db: database.db, logger };
  const mailer = createMailer(config, database.db);
  const runner = options.worker ? await startWorker(database, { ...services, mailer }, undefined, workerLogger()) : null;

  let server: Server | null = null;
  let url: string | null = null;
  if (options.web) {
    const build = await loadServerBuild();
    const app = createHttpApp({
      services,
      build,
      clientDir: path.join(BUILD_DIR, "client"),
      mounts: [createGraphqlMount(services), ...createRestMounts(services)],
    });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once("error", reject);
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  }

  return {
    url,
    async stop() {
      // Stop taking requests, let in-flight ones finish; then let running jobs finish.
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeIdleConnections();
        });
      }
      await runner?.stop();
    },
  };
}

function workerLogger() {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const child = logger.child({ component: "worker", ...scope, ...meta });
    if (level === "error") child.error(message);
    else if (level === "warning") child.warn(message);
    else child.debug(message);
  });
}

/** Runs `stop` once on SIGTERM/SIGINT, then exits. */
export function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, "error during shutdown");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => handler("SIGTERM"));
  process.on("SIGINT", () => handler("SIGINT"));
}
