import { describe, expect, it } from "vitest";
import { formatApiDate, formatApiDatetime } from "./date-format";

describe("the reference API's date texts", () => {
  it("spells the month in French, the day on two digits", () => {
    expect(formatApiDate("2026-03-15")).toBe("15 mars 2026");
    expect(formatApiDate("2026-08-05")).toBe("05 août 2026");
    expect(formatApiDatetime("2026-12-01T09:05")).toBe("01 décembre 2026 09:05");
  });

  it("returns a value that is not a date as it is", () => {
    expect(formatApiDate("15/03/2026")).toBe("15/03/2026");
    expect(formatApiDate("2026-13-01")).toBe("2026-13-01");
    expect(formatApiDatetime("2026-03-15")).toBe("2026-03-15");
  });
});
