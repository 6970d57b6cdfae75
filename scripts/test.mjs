#!/usr/bin/env node
/**
 * `npm test`: the whole suite on a clean checkout, in one command.
 *
 *   1. `npm run build` (HTTP integration and browser tests use the build; the build needs no typegen,
 *      which only `npm run typecheck` uses);
 *   2. `vitest run`, projects `unit` and `integration` (see vitest.config.ts; against DATABASE_URL's
 *      PostgreSQL server when it is set, one database per test file, otherwise embedded PGlite);
 *   3. `playwright test` (browser tests in tests/e2e, projects `js` and `nojs`).
 *
 * Prints, last, `N passed, N failed` (and `, N skipped` when some were), summed over vitest and
 * playwright from their JSON reports, and exits non-zero when a step or a test failed, or when no test ran.
 * A step that fails without reporting tests (build error, crash, global setup error) counts as one failure.
 *
 * Options (npm test -- <options>):
 *   --unit-only    build + vitest, no browser tests      --e2e-only   build + playwright only
 *   --no-build     reuse the existing build (faster when you know it is current)
 *   Any other argument is passed to both vitest and playwright as a file filter (e.g. `npm test -- mail`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const filters = args.filter((a) => !a.startsWith("--"));
const known = new Set(["--unit-only", "--e2e-only", "--no-build"]);
for (const flag of flags) {
  if (!known.has(flag)) {
    console.error(`npm test: unknown option ${flag} (known: ${[...known].join(", ")})`);
    process.exit(2);
  }
}
const runVitest = !flags.has("--e2e-only");
const runPlaywright = !flags.has("--unit-only");

const tmp = mkdtempSync(path.join(tmpdir(), "guichet-test-report-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const timings = [];
/** The slowest files and journeys, printed at the end: where to look when the suite grows slow. */
const slowest = [];

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = await fn();
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
}

let stopped = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopped = true;
  });
}

const npx = "npx";
const buildOk = flags.has("--no-build") || (await step("build", () => run("npm", ["run", "build", "--silent"]))) === 0;

if (!buildOk) {
  problems.push("the build failed: no test was run");
  totals.failed += 1;
} else {
  if (runVitest && !stopped) {
    const report = path.join(tmp, "vitest.json");
    const code = await step("vitest", () =>
      run(npx, [
        "--no-install",
        "vitest",
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
        ...(filters.length ? ["--passWithNoTests", ...filters] : []),
      ]),
    );
    const json = readJson(report);
    if (json) {
      totals.passed += json.numPassedTests ?? 0;
      totals.failed += json.numFailedTests ?? 0;
      totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
      slowest.push(
        ...(json.testResults ?? []).map((file) => ({
          what: `vitest ${path.relative(root, file.name)}`,
          ms: (file.endTime ?? 0) - (file.startTime ?? 0),
        })),
      );
      // A test file that fails to load or whose hooks fail has no failed test of its own.
      for (const file of json.testResults ?? []) {
        const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
        if (file.status === "failed" && failedTests === 0) {
          totals.failed += 1;
          problems.push(`vitest: ${path.relative(root, file.name)} failed outside its tests`);
        }
      }
      if (code !== 0 && (json.numFailedTests ?? 0) === 0 && !problems.some((p) => p.startsWith("vitest"))) {
        totals.failed += 1;
        problems.push(`vitest exited with code ${code}`);
      }
    } else {
      totals.failed += 1;
      problems.push(`vitest wrote no report (exit code ${code})`);
    }
  }

  if (runPlaywright && !stopped) {
    const report = path.join(tmp, "playwright.json");
    const code = await step("playwright", () =>
      run(
        npx,
        [
          "--no-install",
          "playwright",
          "test",
          `--reporter=${process.env.CI ? "line" : "list"},json`,
          ...(filters.length ? ["--pass-with-no-tests", ...filters] : []),
        ],
        {
          PLAYWRIGHT_JSON_OUTPUT_FILE: report,
        },
      ),
    );
    const json = readJson(report);
    if (json?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
      slowest.push(...playwrightDurations(json));
      totals.passed += expected + flaky;
      totals.failed += unexpected;
      totals.skipped += skipped;
      if (flaky > 0) problems.push(`playwright: ${flaky} test(s) passed only on retry (flaky)`);
      const errors = json.errors ?? [];
      if (errors.length > 0) {
        totals.failed += 1;
        problems.push(
          `playwright: ${errors.length} error(s) outside tests (global setup/teardown): ${errors[0]?.message?.split("\n")[0] ?? ""}`,
        );
      } else if (code !== 0 && unexpected === 0) {
        totals.failed += 1;
        problems.push(`playwright exited with code ${code}`);
      }
    } else {
      totals.failed += 1;
      problems.push(`playwright wrote no report (exit code ${code})`);
    }
  }
}

rmSync(tmp, { recursive: true, force: true });
if (slowest.length > 0) {
  console.log("\nSlowest (s):");
  for (const { what, ms } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 25)) {
    console.log(`${(ms / 1000).toFixed(1).padStart(7)}  ${what}`);
  }
}
if (stopped) problems.push("interrupted");
const ran = totals.passed + totals.failed;
if (ran === 0 && !stopped) problems.push("no test ran");
console.log(`\n${timings.join(" · ")}`);
for (const problem of problems) console.log(`! ${problem}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || ran === 0 || stopped ? 1 : 0);

/** Each Playwright test's duration (every attempt summed), named by project, file and title. */
function playwrightDurations(report) {
  const rows = [];
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
        rows.push({ what: `[${t.projectName}] ${spec.file}: ${[...titles, spec.title].join(" › ")}`, ms });
      }
    }
    for (const child of suite.suites ?? [])
      visit(child, child.title && !child.title.endsWith(".ts") ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return rows;
}
