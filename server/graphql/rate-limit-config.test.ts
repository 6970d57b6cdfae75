import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";

const base = { DATA_DIR: "/tmp/guichet-config-test", SESSION_SECRET: "x".repeat(32) };

describe("GRAPHQL_RATE_LIMIT", () => {
  it("is the reference's 400 requests per minute per token unless set", () => {
    expect(loadConfig(base).graphqlRateLimitPerMinute).toBe(400);
    expect(loadConfig({ ...base, GRAPHQL_RATE_LIMIT: "20000" }).graphqlRateLimitPerMinute).toBe(20_000);
  });

  it("refuses a value that is not a positive whole number, naming the variable", () => {
    for (const value of ["0", "-5", "1.5", "beaucoup"]) {
      expect(() => loadConfig({ ...base, GRAPHQL_RATE_LIMIT: value }), value).toThrow(/GRAPHQL_RATE_LIMIT/);
    }
  });
});
