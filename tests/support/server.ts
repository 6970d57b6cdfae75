/**
 * The real HTTP application (built pages + APIs + jobs) on a random loopback port and a fresh test
 * database, for integration tests that go through HTTP like a browser without JavaScript would.
 * Needs `npm run build` first (npm test does it).
 */
import type { Server } from "node:http";
import path from "node:path";
import { createGraphqlMount } from "../../server/graphql/mount";
import { createRestMounts } from "../../server/rest/mount";
import { createHttpApp } from "../../server/http/app";
import { BUILD_DIR, loadServerBuild } from "../../server/boot";
import { createMailer } from "../../server/integrations/mailer";
import { runJobsOnce, startWorker } from "../../server/jobs/worker";
import { logger } from "../../server/logger";
import type { Config } from "../../server/config";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestServer {
  url: string;
  database: TestDatabase;
  /** Runs the queued jobs now (mails…) and waits for them. */
  runJobs(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `overrides` change the configuration (e.g. a small `uploadMaxBytes`, a temporary `storage` dir);
 * `options.port` listens on a given port (default: a free one), for a configuration that names it.
 */
export async function startTestServer(overrides: Partial<Config> = {}, options: { port?: number } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = { ...database.config, mailboxEnabled: true, smtpUrl: undefined, ...overrides };
  const services = { config, db: database.db, logger: logger.child({}, { level: "warn" }) };
  const build = await loadServerBuild();
  const app = createHttpApp({
    services,
    build,
    clientDir: path.join(BUILD_DIR, "client"),
    mounts: [createGraphqlMount(services), ...createRestMounts(services)],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port ?? 0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const mailer = createMailer(config, database.db);
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    async runJobs() {
      await runJobsOnce(database, { ...services, mailer });
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database.close();
    },
  };
}

// Keep startWorker referenced for callers that prefer a running worker to runOnce.
export { startWorker };
