import { describe, expect, it } from "vitest";
import { dueExpiryWindow, windowStart } from "./expiry";

const day = 24 * 3600 * 1000;
const expiresAt = new Date("2027-03-31T12:00:00Z");
const created = new Date("2026-01-01T00:00:00Z");

describe("dueExpiryWindow", () => {
  it("is null more than a month before expiry and after it", () => {
    expect(dueExpiryWindow({ createdAt: created, expiresAt }, new Date("2027-02-27T00:00:00Z"))).toBeNull();
    expect(dueExpiryWindow({ createdAt: created, expiresAt }, new Date("2027-03-31T12:00:00Z"))).toBeNull();
  });

  it("gives the narrowest started window", () => {
    expect(windowStart(expiresAt, "month").toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(dueExpiryWindow({ createdAt: created, expiresAt }, new Date("2027-03-01T00:00:00Z"))).toBe("month");
    expect(dueExpiryWindow({ createdAt: created, expiresAt }, new Date(expiresAt.getTime() - 6 * day))).toBe("week");
    expect(dueExpiryWindow({ createdAt: created, expiresAt }, new Date(expiresAt.getTime() - day / 2))).toBe("day");
  });

  it("skips a window the token did not live longer than", () => {
    const young = { createdAt: new Date(expiresAt.getTime() - 5 * day), expiresAt };
    expect(dueExpiryWindow(young, new Date(expiresAt.getTime() - 3 * day))).toBeNull();
    expect(dueExpiryWindow(young, new Date(expiresAt.getTime() - day / 2))).toBe("day");
  });
});
