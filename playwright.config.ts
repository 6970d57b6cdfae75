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
  // Two workers by default, each with its own server and database (global-setup.ts starts one platform
  // per worker), so journeys never share dossiers or mailboxes. A journey spends much of its time
  // waiting (jobs, e-mails, navigation), which the other worker fills. E2E_WORKERS overrides it.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  // A journey runs axe on every page, and two of them share the 2 cores: well over the 30 s default.
  timeout: 120_000,
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
