/**
 * Browser tests (tests/e2e/**\/*.spec.ts) against the real platform started by
 * tests/e2e/support/global-setup.ts (`guichet start` on a free port, fresh embedded database, or a
 * fresh `guichet_e2e_*` database when DATABASE_URL is set), in Debian's Chromium.
 *
 * Every spec runs twice: project `js` (JavaScript enabled) and project `nojs` (JavaScript disabled,
 * the progressive-enhancement baseline). Tag a test `@js-only` or `@nojs-only` to keep it in one.
 * Set E2E_BASE_URL to run against a server you already started instead.
 */
import { defineConfig, devices } from "@playwright/test";

const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  globalSetup: "./tests/e2e/support/global-setup.ts",
  // One worker on the 2-core machine. Two workers would run two Chromiums (each running axe on
  // every page) beside the server, PostgreSQL and the job worker on the same 2 cores; whether that
  // beats one could not be measured reliably here (the suite takes ~25 min on an idle machine, and
  // the shared machine stayed at a load of 20+ all along), and on that machine two vitest workers
  // already pushed HTTP journeys past their timeouts. A flaky journey is a defect: one until measured.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // A journey runs axe on every page; 2 loaded cores need more than the 30 s default.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [["line"]] : [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    // Set by the global setup before the test workers start (workers read this file again).
    baseURL: process.env.E2E_BASE_URL,
    locale: "fr-FR",
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, grepInvert: /@nojs-only/ },
    { name: "nojs", use: { javaScriptEnabled: false }, grepInvert: /@js-only/ },
  ],
});
