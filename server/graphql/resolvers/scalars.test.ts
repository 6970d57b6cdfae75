import { describe, expect, it } from "vitest";
import { BigIntScalar, formatDateTime, ISO8601Date, parseDateTime } from "./scalars";

describe("ISO8601DateTime", () => {
  it("is written in Paris time with its offset, to the second", () => {
    expect(formatDateTime(new Date("2024-01-15T09:30:00.123Z"))).toBe("2024-01-15T10:30:00+01:00");
    expect(formatDateTime(new Date("2024-07-15T09:30:00Z"))).toBe("2024-07-15T11:30:00+02:00");
    expect(formatDateTime("2024-03-31T00:59:59Z")).toBe("2024-03-31T01:59:59+01:00");
    expect(formatDateTime("2024-03-31T01:00:00Z")).toBe("2024-03-31T03:00:00+02:00");
  });

  it("reads offsets, Z, Paris wall time and bare days", () => {
    expect(parseDateTime("2024-01-15T10:30:00+01:00")?.toISOString()).toBe("2024-01-15T09:30:00.000Z");
    expect(parseDateTime("2024-01-15T09:30:00.5Z")?.toISOString()).toBe("2024-01-15T09:30:00.500Z");
    expect(parseDateTime("2024-07-15T11:30:00")?.toISOString()).toBe("2024-07-15T09:30:00.000Z");
    expect(parseDateTime("2024-01-15")?.toISOString()).toBe("2024-01-14T23:00:00.000Z");
    expect(parseDateTime("2024-01-15T10:30:00-0500")?.toISOString()).toBe("2024-01-15T15:30:00.000Z");
  });

  it("refuses what is not a date-time", () => {
    for (const bad of ["", "yesterday", "2024-02-30", "2024-01-15T25:00:00Z", "15/01/2024"])
      expect(parseDateTime(bad)).toBeNull();
  });
});

describe("ISO8601Date and BigInt", () => {
  it("ISO8601Date keeps YYYY-MM-DD and refuses other shapes", () => {
    expect(ISO8601Date.serialize("2024-02-29")).toBe("2024-02-29");
    expect(() => ISO8601Date.serialize("2023-02-29")).toThrow();
  });

  it("BigInt travels as a string, without rounding", () => {
    expect(BigIntScalar.serialize("9007199254740993")).toBe("9007199254740993");
    expect(BigIntScalar.serialize(42)).toBe("42");
    expect(BigIntScalar.serialize("-007")).toBe("-7");
    expect(() => BigIntScalar.serialize("1.5")).toThrow();
  });
});
