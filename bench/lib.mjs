// Small helpers shared by the benchmarks: start the platform, sign in like a browser, and drive a
// bounded load against loopback only, reporting medians and percentiles.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const ROOT = new URL("..", import.meta.url).pathname;

export function cli(args, env) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/guichet.mjs"), ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`guichet ${args.join(" ")} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), "guichet-bench-"));
}

/** Starts `guichet start` and resolves when it prints READY; returns { url, ms, pid, stop } (pid: the CLI launcher). */
export function startPlatform(env) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(ROOT, "bin/guichet.mjs"), "start"], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("platform did not start within 180 s")), 180_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/READY (\S+)/);
      if (m) {
        clearTimeout(timer);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({
          url: m[1],
          ms,
          pid: child.pid,
          stop: () =>
            new Promise((res) => {
              child.once("exit", res);
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`platform exited with ${code}`)));
  });
}

/** Signs in through the real form and returns the cookie header to reuse. */
export async function signIn(url, email, password) {
  const cookies = new Map();
  const keep = (res) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${url}/users/sign_in`);
  keep(page);
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
  const res = await fetch(`${url}/users/sign_in`, {
    method: "POST",
    headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
    redirect: "manual",
  });
  keep(res);
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return header();
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `requests` GETs with `concurrency` in flight; every answer must be 200. */
export async function load(url, { cookie, requests = 300, concurrency = 8 }) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    while (next < requests) {
      next++;
      const t = process.hrtime.bigint();
      const res = await fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    errors,
    rps: Math.round((requests / seconds) * 10) / 10,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Where a bench runs: embedded PGlite in a fresh data directory, or — with DATABASE_URL — a fresh
 * database `guichet_bench_<time>` on that server, dropped by `dropDatabase()` afterwards.
 */
export async function benchEnvironment() {
  const env = { DATA_DIR: freshDataDir(), SEED_DEMO: "true", PORT: "0" };
  if (!process.env.DATABASE_URL) return { env, dropDatabase: async () => {}, backend: "pglite" };
  const name = `guichet_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { env: { ...env, DATABASE_URL: url.toString(), WORKER_IN_PROCESS: "true" }, dropDatabase, backend: "postgresql" };
}
