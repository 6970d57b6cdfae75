import { eq, inArray } from "drizzle-orm";
import { retryAfterSecondsOf } from "../../../server/refusal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { signIn } from "../../../server/operations/accounts/sign-in";
import {
  cleanupRateLimits,
  hitRateLimit,
  hitRateLimits,
  rateLimitKey,
  refundRateLimits,
} from "../../../server/security/rate-limit";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { GOOD_PASSWORD } from "./helpers";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("rate limits (rate_limits table)", () => {
  it("counts every hit in one row per window and refuses beyond the limit", async () => {
    const rule = { key: "test:count", limit: 3, windowSeconds: 60 };
    const now = new Date("2026-03-01T10:00:30Z");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit(database.db, rule, now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[3]?.retryAfterSeconds).toBe(30);
    const rows = await database.db.select().from(rateLimits).where(eq(rateLimits.key, "test:count"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(5);
    // The next window starts from zero.
    expect((await hitRateLimit(database.db, rule, new Date("2026-03-01T10:01:00Z"))).allowed).toBe(true);
  });

  it("counts exactly under concurrency", async () => {
    const rule = { key: "test:concurrent", limit: 100, windowSeconds: 60 };
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(database.db, rule, now)));
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, "test:concurrent"));
    expect(row?.count).toBe(20);
  });

  it("refuses when any of several rules is exceeded, and counts all of them", async () => {
    const now = new Date();
    const rules = [
      { key: "test:a", limit: 1, windowSeconds: 60 },
      { key: "test:b", limit: 10, windowSeconds: 60 },
    ];
    expect((await hitRateLimits(database.db, rules, now)).allowed).toBe(true);
    expect((await hitRateLimits(database.db, rules, now)).allowed).toBe(false);
    const [b] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, "test:b"));
    expect(b?.count).toBe(2);
  });

  it("gives an attempt back in the window it was counted in, never below zero", async () => {
    const rule = { key: "test:refund", limit: 2, windowSeconds: 60 };
    const now = new Date("2026-03-01T11:00:10Z");
    await hitRateLimit(database.db, rule, now);
    await hitRateLimit(database.db, rule, now);
    await refundRateLimits(database.db, [rule], now);
    expect((await hitRateLimit(database.db, rule, now)).allowed).toBe(true);
    expect((await hitRateLimit(database.db, rule, now)).allowed).toBe(false);
    // A refund for another window leaves this one alone; none goes below zero.
    await refundRateLimits(database.db, [rule], new Date("2026-03-01T11:01:10Z"));
    for (let i = 0; i < 5; i++) await refundRateLimits(database.db, [rule], now);
    const rows = await database.db.select().from(rateLimits).where(eq(rateLimits.key, "test:refund"));
    expect(rows.map((row) => row.count)).toEqual([0]);
  });

  it("cleans up old windows only", async () => {
    await hitRateLimit(database.db, { key: "test:old", limit: 5, windowSeconds: 60 }, new Date(Date.now() - 2 * 24 * 3600_000));
    await hitRateLimit(database.db, { key: "test:recent", limit: 5, windowSeconds: 60 });
    expect(await cleanupRateLimits(database.db)).toBeGreaterThanOrEqual(1);
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain("test:old");
    expect(keys).toContain("test:recent");
  });
});

describe("sign-in rate limits", () => {
  it("allows 10 attempts per e-mail per 15 minutes, then refuses even the right password", async () => {
    await ensureUser(database.db, { email: "cible@exemple.fr", password: GOOD_PASSWORD });
    const attempt = (password: string, ip: string) =>
      signIn(database.db, { email: "Cible@Exemple.fr", password, ip, userAgent: null });
    for (let i = 0; i < 10; i++) {
      // Different IPs: only the per-e-mail counter can stop this.
      expect(await attempt("wrong password", `198.51.100.${i}`)).toEqual({
        ok: false,
        refusals: [{ code: "invalid_credentials", field: "form" }],
      });
    }
    const refused = await attempt(GOOD_PASSWORD, "198.51.100.99");
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: "rate_limited" }] });
    const wait = refused.ok ? null : retryAfterSecondsOf(refused.refusals);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    const [row] = await database.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, rateLimitKey("sign_in", "email", "cible@exemple.fr")));
    expect(row?.count).toBe(11);
  });

  it("does not count successful sign-ins: one person or one help desk may sign in often", async () => {
    await ensureUser(database.db, { email: "souvent@exemple.fr", password: GOOD_PASSWORD });
    const ip = "192.0.2.50";
    for (let i = 0; i < 60; i++) {
      const result = await signIn(database.db, { email: "souvent@exemple.fr", password: GOOD_PASSWORD, ip, userAgent: null });
      expect(result.ok).toBe(true);
    }
    const counts = await database.db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(
        inArray(rateLimits.key, [rateLimitKey("sign_in", "email", "souvent@exemple.fr"), rateLimitKey("sign_in", "ip", ip)]),
      );
    expect(counts.map((row) => row.count)).toEqual([0, 0]);
    // Failures still count after successes: 10 wrong passwords, then even the right one is refused.
    for (let i = 0; i < 10; i++) {
      const result = await signIn(database.db, { email: "souvent@exemple.fr", password: "wrong password", ip, userAgent: null });
      expect(result).toEqual({ ok: false, refusals: [{ code: "invalid_credentials", field: "form" }] });
    }
    const refused = await signIn(database.db, { email: "souvent@exemple.fr", password: GOOD_PASSWORD, ip, userAgent: null });
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: "rate_limited" }] });
  });

  it("allows 50 attempts per IP per 15 minutes across e-mails", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < 50; i++) {
      const result = await signIn(database.db, { email: `inconnu${i}@exemple.fr`, password: "x", ip, userAgent: null });
      expect(result).toEqual({ ok: false, refusals: [{ code: "invalid_credentials", field: "form" }] });
    }
    const refused = await signIn(database.db, { email: "autre@exemple.fr", password: "x", ip, userAgent: null });
    expect(refused).toMatchObject({ ok: false, refusals: [{ code: "rate_limited" }] });
    // Another IP is not affected.
    const other = await signIn(database.db, { email: "autre@exemple.fr", password: "x", ip: "203.0.113.8", userAgent: null });
    expect(other).toEqual({ ok: false, refusals: [{ code: "invalid_credentials", field: "form" }] });
  });
});
