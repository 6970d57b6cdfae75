import { describe, expect, it } from "vitest";
import { champErrorMessage } from "../errors";
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

  it.each([
    ["1900-01-01", null],
    ["2200-12-31", null],
    ["1899-12-31", "date_too_early"],
    ["0202-03-15", "date_too_early"],
    ["2201-01-01", "date_too_late"],
    ["22025-03-15", "date_too_late"],
    ["22025-02-30", "date_too_late"],
  ] as const)("refuses a day outside 1900–2200 without bounds of its own: %j → %s", (value, code) => {
    expect(date.validateForSubmit(value, mandatory)?.code ?? null).toBe(code);
  });

  it("keeps a year of five digits typed in the date control, and says until when dates are accepted", () => {
    expect(date.parseFormInput("22025-03-15", {})).toBe("22025-03-15");
    const error = date.validateForSubmit("22025-03-15", typed("date", {}, { libelle: "Naissance" }));
    expect(error).toEqual({ code: "date_too_late", params: { libelle: "Naissance", maxDate: "2200-12-31" } });
    if (error)
      expect(champErrorMessage(error, "fr")).toBe("Le champ « Naissance » doit être une date égale ou antérieure au 31/12/2200");
  });

  it("lets the field's own bounds widen or narrow the sane range", () => {
    expect(date.validateForSubmit("1850-06-01", typed("date", { startDate: "1800-01-01" }))).toBeNull();
    expect(date.validateForSubmit("2300-06-01", typed("date", { endDate: "2400-12-31" }))).toBeNull();
    expect(date.validateForSubmit("22025-03-15", typed("date", { endDate: "2030-12-31" }))).toEqual({
      code: "date_too_late",
      params: { libelle: expect.any(String), maxDate: "2030-12-31" },
    });
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
    ["2023-02-30", "2023-02-30"], // no such day: kept for submission to report, not dropped
    ["22025-02-01", "22025-02-01"],
    ["01/02/2023", null],
    ["demain", null],
    [20230201, null],
    ["", null],
  ])("prefills %j as %j", (raw, expected) => {
    expect(date.prefill(raw, {})).toBe(expected);
  });
});
