/**
 * The real HTTP application on a test database with a logger whose lines the test reads (what an
 * operator's log collector would receive).
 */
import type { Server } from "node:http";
import path from "node:path";
import pino from "pino";
import { BUILD_DIR, loadServerBuild } from "../../../server/boot";
import type { Config } from "../../../server/config";
import { createHttpApp } from "../../../server/http/app";
import { createTestDatabase, type TestDatabase } from "../../support/database";

export interface LoggedApp {
  url: string;
  database: TestDatabase;
  /** Every line written to the log so far, as written. */
  lines: string[];
  logger: pino.Logger;
  stop(): Promise<void>;
}

export async function startLoggedApp(overrides: Partial<Config> = {}): Promise<LoggedApp> {
  const database = await createTestDatabase();
  const lines: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
  const config = { ...database.config, mailboxEnabled: true, smtpUrl: undefined, ...overrides };
  const app = createHttpApp({
    services: { config, db: database.db, logger },
    build: await loadServerBuild(),
    clientDir: path.join(BUILD_DIR, "client"),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    database,
    lines,
    logger,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database.close();
    },
  };
}

/** Waits until the request log has a line for `count` requests (it is written when a response finishes). */
/** Waits for the request line of `path` (lines of earlier requests may arrive later than their response). */
export async function requestLineOf(app: LoggedApp, path: string) {
  for (let i = 0; i < 100; i++) {
    const line = app.lines.find((l) => l.includes('"msg":"request"') && l.includes(`"url":"${path}`));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no request log line for ${path}`);
}

export async function requestLines(app: LoggedApp, count: number) {
  for (let i = 0; i < 100; i++) {
    const requests = app.lines.filter((line) => line.includes('"msg":"request"'));
    if (requests.length >= count) return requests;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} request log lines`);
}
