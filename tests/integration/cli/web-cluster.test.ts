/**
 * `guichet start` with WEB_CONCURRENCY=2 on embedded PGlite: the primary alone opens the database and
 * forks two web workers that serve one port through it; SIGTERM stops them all cleanly.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/boot";

const dataDir = mkdtempSync(path.join(tmpdir(), "guichet-cluster-"));
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The web workers whose parent is `pid`: children running the CLI (not a helper process such as
 * tsx's esbuild service, which the loader may start and stop at any time).
 */
function children(pid: number) {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" }).trim();
  return out
    .split("\n")
    .filter((line) => line.includes("server/cli/index.ts"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

it("serves one port from two web workers on one embedded database, and stops them all on SIGTERM", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", WEB_CONCURRENCY: "2", LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  // The TypeScript CLI itself (not bin/guichet.mjs), so that its pid is the cluster's primary.
  const cli = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "server/cli/index.ts"), "start"], {
    // Without the FranceConnect stand-in (another child process in development) nor the API Entreprise one.
    env: {
      ...env,
      NODE_ENV: "development",
      SEED_DEMO: "false",
      FRANCECONNECT_LOCAL_PROVIDER: "false",
      API_ENTREPRISE_LOCAL_SERVER: "false",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = cli;
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    cli.stdout?.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/READY (\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    cli.once("exit", (code) => reject(new Error(`guichet start exited with ${code}: ${out}`)));
  });

  const workers = children(cli.pid as number);
  expect(workers).toHaveLength(2);
  // Every answer goes through a worker's `pg` pool to the primary's PGlite.
  const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${url}/healthz`).then((r) => r.json())));
  expect(answers.every((a) => a.database === "ok")).toBe(true);
  expect((await fetch(`${url}/users/sign_in`)).status).toBe(200);

  const exit = new Promise<number | null>((resolve) => cli.once("exit", (code) => resolve(code)));
  cli.kill("SIGTERM");
  expect(await exit).toBe(0);
  for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
}, 240_000);
