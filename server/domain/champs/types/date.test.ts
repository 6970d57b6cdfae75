import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { date, isCalendarDate } from "./date";

const mandatory = typed("date", {});

describe("date", () => {
  it.each([
    ["2024-03-15", "2024-03-15"],
    [" 2024-3-5 ", "2024-03-05"],
    ["2024/03/15", "2024-03-15"],
    ["15/03/2024", "2024-03-15"],
    ["5.3.2024", "2024-03-05"],
    ["30/02/2023", "2023-02-30"], // reordered but kept: submission reports it
    ["demain", "demain"],
    [" le 3 mars ", "le 3 mars"],
    ["15 / 03 / 2024", "2024-03-15"],
    ["", null],
  ] as const)("parses form input %j leniently to %j", (raw, expected) => {
    expect(date.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2023-02-29", false],
    ["2023-02-30", false],
    ["2023-04-31", false],
    ["2023-12-31", true],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["0000-01-01", false],
    ["2023-1-01", false],
    ["15/03/2024", false],
    ["2024-03-15T10:00", false],
  ] as const)("isCalendarDate(%j) is %s", (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
    expect(date.validateForSubmit(value, mandatory)?.code ?? null).toBe(valid ? null : "invalid_date");
  });

  it("checks mandatory", () => {
    expect(date.validateForSubmit(null, mandatory)?.code).toBe("required");
    expect(date.validateForSubmit(null, typed("date", {}, { mandatory: false }))).toBeNull();
  });

  it("displays in the reader's language without shifting the day", () => {
    expect(date.displayValue("2024-03-15", {}, "fr")).toBe("15/03/2024");
    expect(date.displayValue("2024-03-15", {}, "en")).toBe("15 March 2024");
    expect(date.displayValue("2024-01-01", {}, "fr")).toBe("01/01/2024");
    expect(date.displayValue("0099-12-31", {}, "fr")).toBe("31/12/0099");
    expect(date.displayValue("0099-12-01", {}, "en")).toBe("1 December 0099");
    expect(date.displayValue("2023-02-30", {}, "fr")).toBe("2023-02-30");
    expect(date.displayValue(null, {}, "fr")).toBe("");
  });

  it("serves ISO dates to the API", () => {
    expect(date.stringValue("2024-03-15")).toBe("2024-03-15");
    expect(date.stringValue(null)).toBeNull();
  });

  it.each([
    ["2023-02-01", "2023-02-01"],
    ["2023/02/01", "2023-02-01"],
    ["2023-02-30", null],
    ["01/02/2023", null],
    [20230201, null],
    ["", null],
  ])("prefills %j as %j", (raw, expected) => {
    expect(date.prefill(raw, {})).toBe(expected);
  });
});
