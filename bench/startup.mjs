#!/usr/bin/env node
/**
 * Start-up time of the embedded platform: from spawning `npm start` to its `READY <url>` line.
 *
 *   node bench/startup.mjs [--runs 5] [--data-dir var]
 *
 * Two measures, each over --runs runs (default 5):
 *  - first start: an empty DATA_DIR (creates the embedded database, migrates, seeds the demo);
 *  - warm start: a copy of a DATA_DIR that has already been started once (the given --data-dir,
 *    or one made by an untimed first start), so nothing is left to migrate or seed.
 * Every run gets its own copy, so no run warms the data of another. An untimed start comes first:
 * it builds the web interface if `npm start` finds it stale, so no timed run includes a build.
 * DATABASE_URL and SMTP_URL are ignored (embedded mode). Prints the result as JSON, then as
 * Markdown table rows.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = new URL("..", import.meta.url).pathname;
const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, "data-dir": { type: "string" } },
});
const runs = Number.parseInt(values.runs ?? "5", 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs must be a positive integer");
  process.exit(2);
}
const READY_TIMEOUT_MS = 300_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `npm start` on dataDir, returns the milliseconds until READY, then stops it (SIGTERM). */
async function timeStart(dataDir) {
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const started = process.hrtime.bigint();
  // bash runs the script so that SIGTERM reaches scripts/start.mjs (see scripts/smoke.sh).
  const child = spawn("npm", ["start", "--silent"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ms = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no READY within ${READY_TIMEOUT_MS / 1000} s\n${output.slice(-2000)}`)),
      READY_TIMEOUT_MS,
    );
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (/^READY \S+$/m.test(output)) {
        clearTimeout(timer);
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      }
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (code ${code}) before READY\n${output.slice(-2000)}`));
    });
  });
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(killer);
  return ms;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (n) => Math.round(n);
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), samples: samples.map(round) };
}

const work = mkdtempSync(path.join(tmpdir(), "guichet-bench-startup-"));
try {
  const given = values["data-dir"] ? path.resolve(values["data-dir"]) : null;
  if (given && !existsSync(given)) throw new Error(`--data-dir ${given} does not exist`);
  // The warm DATA_DIR: a copy of the given one (never touched itself), or a fresh one, started once.
  const template = path.join(work, "template");
  if (given) cpSync(given, template, { recursive: true });
  process.stderr.write("untimed start (builds if needed, prepares the warm DATA_DIR)… ");
  await timeStart(template);
  process.stderr.write("done\n");

  const first = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const emptyDir = path.join(work, `first-${i}`);
    first.push(await timeStart(emptyDir));
    rmSync(emptyDir, { recursive: true, force: true });
    const warmDir = path.join(work, `warm-${i}`);
    cpSync(template, warmDir, { recursive: true });
    warm.push(await timeStart(warmDir));
    rmSync(warmDir, { recursive: true, force: true });
    process.stderr.write(`run ${i + 1}/${runs}: first ${Math.round(first.at(-1))} ms, warm ${Math.round(warm.at(-1))} ms\n`);
  }
  const result = {
    benchmark: "startup: spawn `npm start` → READY line (embedded PGlite)",
    runs,
    node: process.version,
    firstStartMs: stats(first),
    warmStartMs: stats(warm),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log("\n| Measure | Median | Min | Max | Runs |");
  console.log("|---|---|---|---|---|");
  console.log(
    `| Start-up, first start (empty DATA_DIR: migrate + seed) | ${result.firstStartMs.median} ms | ${result.firstStartMs.min} ms | ${result.firstStartMs.max} ms | ${runs} |`,
  );
  console.log(
    `| Start-up, warm start (existing DATA_DIR) | ${result.warmStartMs.median} ms | ${result.warmStartMs.min} ms | ${result.warmStartMs.max} ms | ${runs} |`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
