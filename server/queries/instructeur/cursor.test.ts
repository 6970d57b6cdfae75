import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("dossier list cursor", () => {
  it("round-trips with microseconds", () => {
    const cursor = { direction: "before" as const, updatedAt: "2026-01-31T23:59:59.123456Z", id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("reads anything malformed as the first page", () => {
    for (const bad of [
      "",
      "abc",
      Buffer.from("a|2026-01-31|1").toString("base64url"),
      Buffer.from("x|2026-01-31T23:59:59.123456Z|1").toString("base64url"),
      Buffer.from("a|2026-01-31T23:59:59.123456Z|-1").toString("base64url"),
      Buffer.from("a|2026-01-31T23:59:59.123456Z|1|x").toString("base64url"),
      Buffer.from("a|2026-13-45T99:99:99.123456Z|1").toString("base64url"),
      "x".repeat(200),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(decodeCursor(null)).toBeNull();
  });
});
