/**
 * The CLI run while `guichet start` serves the same embedded data directory uses the server's
 * database (through the loopback port recorded in DATA_DIR), never a second copy of its files: a
 * token it creates is known to the server at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/boot";

const CLI = path.join(ROOT_DIR, "server/cli/index.ts");
let dataDir: string;
let server: ChildProcess;
let serverExited: Promise<number | null>;
let url: string;

const env = () => ({
  ...process.env,
  NODE_ENV: "test" as const,
  DATABASE_URL: "",
  DATA_DIR: dataDir,
  SESSION_SECRET: "x".repeat(32),
  HOST: "127.0.0.1",
  PORT: "0",
  SEED_DEMO: "true",
  SMTP_URL: "",
  LOG_LEVEL: "warn",
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT_DIR, env: env() });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "guichet-shared-"));
  server = spawn(process.execPath, ["--import", "tsx", CLI, "start"], { cwd: ROOT_DIR, env: env() });
  serverExited = new Promise((resolve) => server.once("exit", resolve));
  url = await new Promise<string>((resolve, reject) => {
    let output = "";
    server.stdout?.on("data", (chunk) => {
      output += chunk;
      const ready = output.match(/^READY (\S+)$/m)?.[1];
      if (ready) resolve(ready);
    });
    server.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    server.once("exit", (code) => reject(new Error(`the server stopped (${code}):\n${output.slice(-2000)}`)));
  });
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await serverExited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function graphql(bearer: string) {
  return fetch(new URL("/api/v2/graphql", url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
}

describe("CLI beside a running embedded server", () => {
  it("creates an API token in the server's database, usable at once", async () => {
    const { code, output } = await runCli(["api-tokens:create", "--admin", "administrateur@exemple.fr", "--name", "cli"]);
    expect(code, output).toBe(0);
    const bearer = output.match(/^ {2}(\S{20,})\s*$/m)?.[1];
    expect(bearer, output).toBeTruthy();
    expect((await graphql(bearer as string)).status).toBe(200);
    expect((await graphql("not-a-token-at-all-000000000")).status).toBe(401);
  }, 120_000);

  it("is refused with a clear message when the recorded owner is alive but does not serve the database", async () => {
    const ownerFile = path.join(dataDir, "pglite.owner");
    const real = (await import("node:fs")).readFileSync(ownerFile, "utf8");
    try {
      // A live process (this test) recorded with a port nobody listens on.
      writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, url: "postgresql://postgres:postgres@127.0.0.1:1/postgres" }));
      const { code, output } = await runCli(["migrate"]);
      expect(code).not.toBe(0);
      expect(output).toContain(`belongs to process ${process.pid}`);
    } finally {
      writeFileSync(ownerFile, real);
    }
  }, 120_000);

  it("the server removes its record at clean shutdown", async () => {
    const ownerFile = path.join(dataDir, "pglite.owner");
    expect(existsSync(ownerFile)).toBe(true);
    server.kill("SIGTERM");
    expect(await serverExited).toBe(0);
    expect(existsSync(ownerFile)).toBe(false);
  }, 60_000);
});
