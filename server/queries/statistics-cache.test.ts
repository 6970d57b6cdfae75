import { describe, expect, it } from "vitest";
import { cachedStatistics } from "./statistics-cache";

describe("cachedStatistics", () => {
  it("computes once per key within the lifetime, again after it", async () => {
    const db = {};
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedStatistics(db, "k", 1000, compute, 0)).toBe(1);
    expect(await cachedStatistics(db, "k", 1000, compute, 999)).toBe(1);
    expect(await cachedStatistics(db, "k", 1000, compute, 1000)).toBe(2);
  });

  it("keeps the entries of two databases apart (same démarche id, different data)", async () => {
    const first = {};
    const second = {};
    expect(await cachedStatistics(first, "demarche:1", 1000, async () => "first", 0)).toBe("first");
    expect(await cachedStatistics(second, "demarche:1", 1000, async () => "second", 0)).toBe("second");
    expect(await cachedStatistics(first, "demarche:1", 1000, async () => "again", 1)).toBe("first");
  });

  it("does not keep a failed computation", async () => {
    const db = {};
    await expect(cachedStatistics(db, "k", 1000, async () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await cachedStatistics(db, "k", 1000, async () => "up", 1)).toBe("up");
  });
});
