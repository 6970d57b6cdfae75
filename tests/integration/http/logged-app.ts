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
  /** Called after each line is written (used to wait for a line without polling). */
  listeners: Set<() => void>;
  logger: pino.Logger;
  stop(): Promise<void>;
}

export async function startLoggedApp(overrides: Partial<Config> = {}): Promise<LoggedApp> {
  const database = await createTestDatabase();
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const logger = pino(
    { level: "info" },
    {
      write: (line: string) => {
        lines.push(line);
        for (const listener of [...listeners]) listener();
      },
    },
  );
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
    listeners,
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

/**
 * Resolves when a log line satisfying `found` has been written (or at once if one has). A request's line is
 * written when its response finishes, which on a loaded machine may come well after the client has read it:
 * the wait is event-driven with a generous deadline rather than a short poll.
 */
function waitForLines<T>(app: LoggedApp, found: (lines: string[]) => T | undefined, failure: string): Promise<T> {
  const now = found(app.lines);
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      app.listeners.delete(check);
      reject(new Error(failure));
    }, 30_000);
    function check() {
      const result = found(app.lines);
      if (result === undefined) return;
      clearTimeout(timer);
      app.listeners.delete(check);
      resolve(result);
    }
    app.listeners.add(check);
  });
}

/** Waits for the request line of `path` (lines of earlier requests may arrive later than their response). */
export function requestLineOf(app: LoggedApp, path: string) {
  return waitForLines(
    app,
    (lines) => lines.find((l) => l.includes('"msg":"request"') && l.includes(`"url":"${path}`)),
    `no request log line for ${path}`,
  );
}
