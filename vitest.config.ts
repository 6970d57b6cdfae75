import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/**
 * Two projects (`npm test -- <filter>` and `vitest run <paths>` select across both):
 *  - `unit`: tests beside the code they test (server/, app/, common/ *.test.ts). None opens a
 *    database, a server or a child process, so they share worker threads (cheaper than processes).
 *  - `integration`: tests/integration, against a real database (one per test file, a copy of a
 *    template migrated once: see tests/support/database-template.ts), two processes running their files
 *    one after another in one module graph.
 * A colocated test that needs a database belongs in tests/integration.
 */
export default defineConfig({
  // Resolve packages as Node does (Node 20.19+ applies "module-sync"): otherwise react-router is
  // loaded twice in HTTP tests (CJS here, ESM in build/server), and its RouterContextProvider
  // instanceof check fails with "Invalid `context` value provided to `handleRequest`".
  ssr: { resolve: { conditions: ["module-sync", ...defaultServerConditions] } },
  test: {
    environment: "node",
    // Generous: two test files run at once on the 2 cores (below), beside PostgreSQL.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two workers on the 2-core machine (Vitest's default would be one): an integration test spends
    // much of its time waiting on PostgreSQL, which the other worker fills. Measured on 81 tests of
    // three folders with the machine loaded by other work: 832 s with one worker, 752 s with two.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "app/**/*.test.ts", "common/**/*.test.ts"],
          pool: "threads",
          // Pure tests leave no state behind (the two using fake timers restore them): a worker reuses
          // the modules it already imported instead of importing the graph again for each file, which
          // was nine tenths of the project's time (import 390 s, tests 60 s, measured under load).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          pool: "forks",
          // Each test file opens its own database and servers and closes them, and no test mocks a
          // module or changes the environment: a worker process runs its files one after another in
          // the same module graph instead of importing the server (and the built pages) again for each
          // file, which was about a third of the project's time. Module-level caches are keyed by
          // database handle where ids could meet (statistics-cache.ts).
          isolate: false,
          globalSetup: ["tests/support/vitest-global-setup.ts"],
        },
      },
    ],
  },
});
