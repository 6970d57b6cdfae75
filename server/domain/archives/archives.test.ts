import { describe, expect, it } from "vitest";
import {
  archiveExpiresAt,
  archiveFilename,
  archiveMonthLabel,
  isArchiveMonth,
  monthDate,
  normalizeGroupeIds,
  sameArchiveScope,
} from "./archives";

describe("archives", () => {
  it("accepts real months only", () => {
    expect(isArchiveMonth("2026-01")).toBe(true);
    expect(isArchiveMonth("2026-12")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-01", "1999-01", "", null, "2026-01' or 1=1"]) {
      expect(isArchiveMonth(bad)).toBe(false);
    }
  });

  it("names the file and keeps it 4 days", () => {
    expect(archiveFilename(12, "2026-03")).toBe("archive_12_2026-03.zip");
    expect(archiveExpiresAt(new Date("2026-03-01T10:00:00Z")).toISOString()).toBe("2026-03-05T10:00:00.000Z");
    expect(monthDate("2026-03").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("reads the month in the reader's language", () => {
    expect(archiveMonthLabel("2026-03", "fr")).toBe("mars 2026");
    expect(archiveMonthLabel("2026-03", "en")).toBe("March 2026");
    expect(archiveMonthLabel("2026-12", "fr")).toBe("décembre 2026");
  });

  it("compares groupe sets", () => {
    expect(normalizeGroupeIds([3, 1, 3, 2])).toEqual([1, 2, 3]);
    expect(sameArchiveScope(null, null)).toBe(true);
    expect(sameArchiveScope([1, 2], [1, 2])).toBe(true);
    expect(sameArchiveScope([1, 2], [1])).toBe(false);
    expect(sameArchiveScope([1], null)).toBe(false);
  });
});
