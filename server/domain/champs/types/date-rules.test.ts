import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { champErrorMessage } from "../errors";
import { typed } from "../test-helpers";
import { date } from "./date";
import { parisWallTime } from "./date-format";
import { datetime } from "./datetime";

describe("date options (date, datetime)", () => {
  beforeEach(() => {
    // 15 March 2024, 00:30 in Paris (still the 14th in UTC).
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2024-03-14T23:30:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("knows the Paris day and time", () => {
    expect(parisWallTime()).toBe("2024-03-15T00:30");
    expect(parisWallTime(new Date("2024-07-01T10:00:00Z"))).toBe("2024-07-01T12:00");
  });

  it.each([
    [{}, {}],
    [
      { dateInPast: true, startDate: "2024-01-01", endDate: "2024-12-31", range: "1" },
      { dateInPast: true, startDate: "2024-01-01", endDate: "2024-12-31" },
    ],
  ])("parses %j", (raw, expected) => {
    expect(date.optionsSchema.parse(raw)).toEqual(expected);
    expect(datetime.optionsSchema.parse(raw)).toEqual(expected);
  });

  it.each([
    ["start after end", { startDate: "2024-12-31", endDate: "2024-01-01" }],
    ["impossible day", { startDate: "2023-02-29" }],
    ["French order", { endDate: "31/12/2024" }],
  ] as [string, unknown][])("rejects %s", (_name, raw) => {
    expect(date.optionsSchema.safeParse(raw).success).toBe(false);
    expect(datetime.optionsSchema.safeParse(raw).success).toBe(false);
  });

  it.each([
    ["2024-03-14", { dateInPast: true }, null],
    ["2024-03-15", { dateInPast: true }, "date_not_in_past"], // today (in Paris) is not past
    ["2024-01-01", { startDate: "2024-01-01", endDate: "2024-01-31" }, null],
    ["2023-12-31", { startDate: "2024-01-01" }, "date_too_early"],
    ["2024-02-01", { endDate: "2024-01-31" }, "date_too_late"],
    ["2024-02-30", { endDate: "2024-01-31" }, "invalid_date"],
  ])("date %j with %j → %s", (value, options, code) => {
    expect(date.validateForSubmit(value, typed("date", options))?.code ?? null).toBe(code);
  });

  it.each([
    ["2024-03-15T00:29", { dateInPast: true }, null],
    ["2024-03-15T00:30", { dateInPast: true }, "datetime_not_in_past"],
    ["2024-01-31T23:59", { endDate: "2024-01-31" }, null],
    ["2024-02-01T00:00", { endDate: "2024-01-31" }, "date_too_late"],
    ["2024-01-01T00:00", { startDate: "2024-01-01" }, null],
  ])("datetime %j with %j → %s", (value, options, code) => {
    expect(datetime.validateForSubmit(value, typed("datetime", options))?.code ?? null).toBe(code);
  });

  it("says which day in the reader's format", () => {
    const error = date.validateForSubmit("2023-12-31", typed("date", { startDate: "2024-01-05" }, { libelle: "Début" }));
    expect(error).toEqual({ code: "date_too_early", params: { libelle: "Début", minDate: "2024-01-05" } });
    if (!error) return;
    expect(champErrorMessage(error, "fr")).toBe("Le champ « Début » doit être une date égale ou postérieure au 05/01/2024");
    expect(champErrorMessage(error, "en")).toBe("The field “Début” must be on or after 5 January 2024");
  });
});
