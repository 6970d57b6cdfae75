import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("Mes dossiers cursor", () => {
  it("round-trips microsecond timestamps and ids", () => {
    const cursor = { updatedAtMicros: 1_795_939_200_123_456, id: 42 };
    expect(encodeCursor(cursor)).toBe("1795939200123456_42");
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([null, undefined, "", "abc", "12", "12_", "_3", "1_0", "1.5_3", "1_2_3", "99999999999999999_1", "1_-2"])(
    "ignores the malformed cursor %j",
    (value) => {
      expect(decodeCursor(value)).toBeNull();
    },
  );
});
