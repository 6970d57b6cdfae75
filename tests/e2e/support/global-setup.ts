/**
 * Starts the real platform for the browser tests (one per Playwright worker), as a user would: `node bin/guichet.mjs start`
 * with the demo seed and the in-process job worker, on a free loopback port, on
 *  - a fresh embedded (PGlite) database in a temporary DATA_DIR, or
 *  - when DATABASE_URL is set, a fresh database `guichet_e2e_<random>` on that server, dropped at
 *    teardown (its URL is given to the tests as E2E_DATABASE_URL).
 * Waits for the `READY <url>` line, then exposes the URL as E2E_BASE_URL (read by
 * playwright.config.ts in the test workers). The server output goes to test-results/e2e-server.log.
 * Before `start`, the CLI seeds the demo and creates a GraphQL API token for the demo administrateur
 * (all its démarches, read-write), given to the tests as E2E_API_TOKEN: the embedded database is
 * locked by the running server, so the CLI cannot open it afterwards.
 * When E2E_BASE_URL is already set, nothing is started and that server is used (set E2E_API_TOKEN
 * yourself for the specs that call the API).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import pg from "pg";
import { startBanPeer } from "../../support/ban-peer";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const READY_TIMEOUT_MS = 180_000;
// Generous: on a loaded 2-core machine the demo seed alone has taken more than two minutes.
const CLI_TIMEOUT_MS = 300_000;
/** The demo administrateur (see server/seed/demo.ts), owner of the démarches the journeys create. */
const API_TOKEN_ADMIN = "administrateur@exemple.fr";
const STOP_TIMEOUT_MS = 30_000;

/**
 * One platform per Playwright worker (`workers` of playwright.config.ts): each worker talks to its
 * own server and database, so journeys running at the same time never see each other's dossiers,
 * mailboxes or counters. Their addresses are passed as space-separated lists (E2E_BASE_URLS,
 * E2E_API_TOKENS, E2E_DATABASE_URLS); fixtures.ts picks the worker's own by its parallel index.
 */
export default async function globalSetup(config: FullConfig) {
  // The page structures axe found clean, shared by the workers (page-structure.ts), fresh each run.
  const a11yDir = mkdtempSync(path.join(tmpdir(), "guichet-e2e-a11y-"));
  process.env.E2E_A11Y_CLEAN = path.join(a11yDir, "clean-structures");
  writeFileSync(process.env.E2E_A11Y_CLEAN, "");
  const removeA11y = () => rmSync(a11yDir, { recursive: true, force: true });
  if (process.env.E2E_BASE_URL) return removeA11y;
  const count = Math.max(1, config.workers);
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, slot) => startPlatform(slot, config)));
  const platforms = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const teardown = async () => {
    await Promise.all(platforms.map((platform) => platform.teardown()));
    removeA11y();
  };
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failure) {
    await teardown().catch(() => undefined);
    throw failure.reason;
  }
  process.env.E2E_BASE_URLS = platforms.map((platform) => platform.url).join(" ");
  process.env.E2E_API_TOKENS = platforms.map((platform) => platform.apiToken).join(" ");
  if (platforms.every((platform) => platform.databaseUrl)) {
    process.env.E2E_DATABASE_URLS = platforms.map((platform) => platform.databaseUrl).join(" ");
  }
  // The first platform also under the single names, for tools reading them (and one-worker runs).
  process.env.E2E_BASE_URL = platforms[0]?.url;
  process.env.E2E_API_TOKEN = platforms[0]?.apiToken;
  if (platforms[0]?.databaseUrl) process.env.E2E_DATABASE_URL = platforms[0].databaseUrl;
  return teardown;
}

interface Platform {
  url: string;
  apiToken: string;
  databaseUrl?: string;
  teardown(): Promise<void>;
}

async function startPlatform(slot: number, config: FullConfig): Promise<Platform> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `guichet_e2e_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  }

  // The address field searches the national address base: the e2e server asks a local peer
  // answering from fixture addresses (tests/support/ban-peer.ts), never the internet.
  const banPeer = await startBanPeer("up");
  const tmp = mkdtempSync(path.join(tmpdir(), "guichet-e2e-"));
  const logFile = path.join(tmp, "server.log");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    HOST: "127.0.0.1",
    PORT: String(port),
    APP_URL: baseUrl,
    DATA_DIR: path.join(tmp, "data"),
    DATABASE_URL: databaseUrl ?? "",
    SEED_DEMO: "true",
    // The fetch-etablissement job runs 5 s after a SIRET was kept in degraded mode (not 30 min):
    // tests/e2e/usager/company.spec.ts waits for the data.
    API_ENTREPRISE_RETRY_DELAY_MS: "5000",
    WORKER_IN_PROCESS: "true",
    // One web process: the machine's cores go to the browsers (the cluster has its own test).
    WEB_CONCURRENCY: "1",
    SMTP_URL: "",
    BAN_URL: banPeer.url,
  };
  const log = createWriteStream(logFile);
  const cleanUp = async () => {
    await new Promise<void>((resolve) => log.end(() => resolve()));
    await dropDatabase?.();
    await banPeer.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
  let apiToken: string;
  try {
    // `seed` first: the administrateur must exist; `start` then finds the demo already there.
    await runCli(["seed"], env, log);
    // Its output (the bearer) stays out of the log, which CI may publish.
    const output = await runCli(["api-tokens:create", "--admin", API_TOKEN_ADMIN, "--name", "e2e"], env);
    apiToken = parseBearer(output);
    log.write(`API token "e2e" created for ${API_TOKEN_ADMIN} (E2E_API_TOKEN)\n`);
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }

  const child = spawn(process.execPath, [path.join(ROOT, "bin", "guichet.mjs"), "start"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let recent = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    stream.on("data", (chunk: Buffer) => {
      recent = (recent + chunk.toString("utf8")).slice(-6000);
    });
  }

  const teardown = async () => {
    await stop(child);
    await new Promise<void>((resolve) => log.end(() => resolve()));
    try {
      const outputDir = config.projects[0]?.outputDir ?? path.join(ROOT, "test-results");
      mkdirSync(outputDir, { recursive: true });
      copyFileSync(logFile, path.join(outputDir, slot === 0 ? "e2e-server.log" : `e2e-server-${slot}.log`));
    } catch {
      // The log is a convenience; losing it must not fail the run.
    }
    await dropDatabase?.();
    await banPeer.stop();
    rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const url = await waitForReady(child, READY_TIMEOUT_MS);
    return { url, apiToken, databaseUrl, teardown };
  } catch (error) {
    await teardown().catch(() => undefined);
    const tail = recent.split("\n").slice(-40).join("\n");
    throw new Error(`${(error as Error).message}\n--- server output (last lines) ---\n${tail}`);
  }
}

/** Runs `guichet <args>` to completion with the server's environment; resolves with its output (also written to `log`). */
function runCli(args: string[], env: NodeJS.ProcessEnv, log?: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const cli = spawn(process.execPath, [path.join(ROOT, "bin", "guichet.mjs"), ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [cli.stdout, cli.stderr]) {
      if (log) stream.pipe(log, { end: false });
      stream.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
      });
    }
    const timer = setTimeout(() => cli.kill("SIGKILL"), CLI_TIMEOUT_MS);
    cli.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    cli.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else {
        const tail = output.split("\n").slice(-20).join("\n");
        reject(new Error(`guichet ${args[0]} failed (code ${code}, signal ${signal})\n${tail}`));
      }
    });
  });
}

/** The bearer printed alone on its indented line by `api-tokens:create`. */
function parseBearer(output: string): string {
  const bearer = output.match(/^ {2}([A-Za-z0-9+/_-]{20,}=*)\s*$/m)?.[1];
  if (!bearer) throw new Error(`api-tokens:create printed no token:\n${output.slice(-2000)}`);
  return bearer;
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(
      () => done(new Error(`guichet start printed no READY line within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const match = buffer.match(/^READY (\S+)$/m);
      if (match?.[1]) done(null, match[1]);
      else buffer = buffer.slice(-4096);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`guichet start exited before READY (code ${code}, signal ${signal})`));
    const done = (error: Error | null, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(url as string);
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
