import { defineConfig } from "vitest/config";

// Unit tests live beside the code they test (*.test.ts); integration tests that need a
// database live in tests/integration and share one database per worker (see tests/support).
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "app/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
