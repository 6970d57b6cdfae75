import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Two projects (`npm test -- <filter>` and `vitest run <paths>` select across both):
 *  - `unit`: tests beside the code they test (server/, app/, common/ *.test.ts). None opens a
 *    database, a server or a child process, so they share worker threads (cheaper than processes).
 *  - `integration`: tests/integration, against a real database (one per test file, a copy of a
 *    template migrated once: see tests/support/database-template.ts), each file in its own process.
 * A colocated test that needs a database belongs in tests/integration.
 */
export default defineConfig({
  // Resolve packages as Node does (Node 20.19+ applies "module-sync"): otherwise react-router is
  // loaded twice in HTTP tests (CJS here, ESM in build/server), and its RouterContextProvider
  // instanceof check fails with "Invalid `context` value provided to `handleRequest`".
  ssr: { resolve: { conditions: ["module-sync", ...defaultServerConditions] } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Vitest's default: one worker on a 2-core machine. Two were tried (an integration test waits on
    // PostgreSQL much of the time) but could not be shown faster on the shared, overloaded machine,
    // where they pushed the heaviest HTTP journeys past the 30 s test timeout: kept at one until
    // measured on an idle machine.
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "app/**/*.test.ts", "common/**/*.test.ts"],
          pool: "threads",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          pool: "forks",
          globalSetup: ["tests/support/vitest-global-setup.ts"],
        },
      },
    ],
  },
});
