import { describe, expect, it } from "vitest";
import { rateLimitKey, windowStart } from "./rate-limit";

describe("windowStart", () => {
  it("aligns fixed windows on the epoch", () => {
    expect(windowStart(new Date("2026-03-01T10:07:59.999Z"), 15 * 60).toISOString()).toBe("2026-03-01T10:00:00.000Z");
    expect(windowStart(new Date("2026-03-01T10:15:00.000Z"), 15 * 60).toISOString()).toBe("2026-03-01T10:15:00.000Z");
    expect(windowStart(new Date("2026-03-01T10:59:00.000Z"), 3600).toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("puts two instants of the same window together, and of the next one apart", () => {
    const a = windowStart(new Date("2026-03-01T10:14:59Z"), 900);
    const b = windowStart(new Date("2026-03-01T10:00:00Z"), 900);
    const c = windowStart(new Date("2026-03-01T10:15:00Z"), 900);
    expect(a.getTime()).toBe(b.getTime());
    expect(c.getTime()).not.toBe(a.getTime());
  });
});

describe("rateLimitKey", () => {
  it("does not store the subject in clear, and ignores case and spaces", () => {
    const key = rateLimitKey("sign_in", "email", "Camille@Exemple.fr ");
    expect(key).toMatch(/^sign_in:email:[0-9a-f]{32}$/);
    expect(key).not.toContain("camille");
    expect(rateLimitKey("sign_in", "email", "camille@exemple.fr")).toBe(key);
  });

  it("separates actions and kinds", () => {
    const keys = new Set([
      rateLimitKey("sign_in", "email", "x"),
      rateLimitKey("sign_in", "ip", "x"),
      rateLimitKey("password_reset", "email", "x"),
    ]);
    expect(keys.size).toBe(3);
  });
});
