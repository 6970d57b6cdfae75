import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { datetime, isLocalDatetime } from "./datetime";

describe("datetime", () => {
  it.each([
    ["2024-03-15T14:30", "2024-03-15T14:30"],
    ["2024-03-15T14:30:59", "2024-03-15T14:30"],
    ["2024-03-15 14:30", "2024-03-15T14:30"],
    ["15/03/2024 14:30", "2024-03-15T14:30"],
    ["15/03/2024 à 14h30", "2024-03-15T14:30"],
    ["5/3/2024 9:05", "2024-03-05T09:05"],
    ["demain", "demain"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(datetime.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["2024-02-29T00:00", true],
    ["2023-02-29T10:00", false],
    ["2024-03-15T24:00", false],
    ["2024-03-15T12:60", false],
    ["2024-03-15", false],
  ] as const)("isLocalDatetime(%j) is %j", (value, expected) => {
    expect(isLocalDatetime(value)).toBe(expected);
  });

  it("validates for submission", () => {
    expect(datetime.validateForSubmit("2024-03-15T14:30", typed("datetime", {}))).toBeNull();
    expect(datetime.validateForSubmit("demain", typed("datetime", {}))?.code).toBe("invalid_datetime");
    expect(datetime.validateForSubmit(null, typed("datetime", {}))?.code).toBe("required");
  });

  it.each([
    ["1900-01-01T00:00", null],
    ["2200-12-31T23:59", null],
    ["1899-12-31T23:59", "date_too_early"],
    ["2201-01-01T00:00", "date_too_late"],
    ["22025-03-15T10:00", "date_too_late"],
    ["2023-02-30T10:30", "invalid_datetime"],
  ] as const)("refuses a time outside 1900–2200 without bounds of its own: %j → %s", (value, code) => {
    expect(datetime.parseFormInput(value, {})).toBe(value);
    expect(datetime.validateForSubmit(value, typed("datetime", {}))?.code ?? null).toBe(code);
  });

  it.each([
    ["2024-03-15T14:30", "fr", "15/03/2024 à 14:30"],
    ["2024-03-15T14:30", "en", "15 March 2024 at 14:30"],
    ["demain", "fr", "demain"],
    [null, "fr", ""],
  ] as const)("displays %j in %s as %j", (value, locale, expected) => {
    expect(datetime.displayValue(value, {}, locale)).toBe(expected);
  });

  it.each([
    ["2023-02-01T10:30", "2023-02-01T10:30"],
    ["2023-02-01 10:30", "2023-02-01T10:30"],
    ["2023-02-30T10:30", "2023-02-30T10:30"], // no such day: kept for submission to report, not dropped
    ["22025-02-01T10:30", "22025-02-01T10:30"],
    ["2023-02-01", null],
    [20230201, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(datetime.prefill(raw, {})).toBe(expected);
  });
});
