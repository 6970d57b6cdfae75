import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Unit tests live beside the code they test (*.test.ts); integration tests that need a
// database live in tests/integration and share one database per worker (see tests/support).
export default defineConfig({
  // Resolve packages as Node does (Node 20.19+ applies "module-sync"): otherwise react-router is
  // loaded twice in HTTP tests (CJS here, ESM in build/server), and its RouterContextProvider
  // instanceof check fails with "Invalid `context` value provided to `handleRequest`".
  ssr: { resolve: { conditions: ["module-sync", ...defaultServerConditions] } },
  test: {
    include: ["server/**/*.test.ts", "app/**/*.test.ts", "common/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
