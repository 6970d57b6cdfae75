import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("dossier list cursor", () => {
  it("round-trips with microseconds, null keys and its sort", () => {
    const cursor = { direction: "before" as const, sort: "self/updated_at:desc", value: "2026-01-31 23:59:59.123456+00", id: 42 };
    expect(decodeCursor(encodeCursor(cursor), "self/updated_at:desc")).toEqual(cursor);
    const empty = { direction: "after" as const, sort: "field/3:asc", value: null, id: 7 };
    expect(decodeCursor(encodeCursor(empty))).toEqual(empty);
  });

  it("reads a cursor of another sort, or anything malformed, as the first page", () => {
    const cursor = encodeCursor({ direction: "after", sort: "self/id:asc", value: "3", id: 3 });
    expect(decodeCursor(cursor, "self/id:desc")).toBeNull();
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const bad of [
      "",
      "abc",
      "%%%",
      json(["x", "s", null, 1]),
      json(["a", "s", null, -1]),
      json(["a", "s", 3, 1]),
      json(["a", "s", null, 1, 2]),
      json({ a: 1 }),
      "x".repeat(3000),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(decodeCursor(null)).toBeNull();
  });
});
