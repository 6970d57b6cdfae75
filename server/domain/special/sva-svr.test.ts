import { describe, expect, it } from "vitest";
import { addMonths, type CorrectionSpan, readSvaSvr, svaSvrConfigError, svaSvrDecisionDate } from "./sva-svr";

const months2 = { period: 2, unit: "months", resume: "continue" } as const;
const date = (
  config: Parameters<typeof svaSvrDecisionDate>[0]["config"],
  deposeOn: string,
  corrections: CorrectionSpan[] = [],
  today = "2026-01-20",
) => svaSvrDecisionDate({ config, deposeOn, corrections, today });

describe("svaSvrDecisionDate", () => {
  it("starts the day after the deposit, in days, weeks and months", () => {
    expect(date({ ...months2, unit: "days", period: 10 }, "2026-01-05")).toBe("2026-01-16");
    expect(date({ ...months2, unit: "weeks", period: 2 }, "2026-01-05")).toBe("2026-01-20");
    expect(date(months2, "2026-01-05")).toBe("2026-03-06");
  });

  it("clamps months to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    // Deposited 30 January: starts 31 January, + 1 month = 28 February.
    expect(date({ ...months2, period: 1 }, "2026-01-30")).toBe("2026-02-28");
    expect(date({ ...months2, period: 1 }, "2026-12-31")).toBe("2027-02-01");
  });

  it("adds the days of a resolved correction (resume)", () => {
    const correction: CorrectionSpan = { createdOn: "2026-01-10", resolvedOn: "2026-01-14", reason: "incorrect" };
    // 5 days: from the 10th to the day after the 14th.
    expect(date(months2, "2026-01-05", [correction])).toBe("2026-03-11");
  });

  it("counts a pending correction up to today", () => {
    const pending: CorrectionSpan = { createdOn: "2026-01-10", resolvedOn: null, reason: "incorrect" };
    expect(date(months2, "2026-01-05", [pending], "2026-01-12")).toBe("2026-03-09");
    expect(date(months2, "2026-01-05", [pending], "2026-01-13")).toBe("2026-03-10");
  });

  it("starts again from the resolution with reset", () => {
    const correction: CorrectionSpan = { createdOn: "2026-01-10", resolvedOn: "2026-01-14", reason: "incorrect" };
    expect(date({ ...months2, resume: "reset" }, "2026-01-05", [correction])).toBe("2026-03-15");
    const pending: CorrectionSpan = { createdOn: "2026-01-10", resolvedOn: null, reason: "incorrect" };
    expect(date({ ...months2, resume: "reset" }, "2026-01-05", [pending], "2026-01-18")).toBe("2026-03-19");
  });

  it("with continue, an incomplete dossier is received when completed", () => {
    const incomplete: CorrectionSpan = { createdOn: "2026-01-10", resolvedOn: "2026-01-14", reason: "incomplete" };
    expect(date(months2, "2026-01-05", [incomplete])).toBe("2026-03-15");
    const later: CorrectionSpan = { createdOn: "2026-02-01", resolvedOn: "2026-02-02", reason: "outdated" };
    expect(date(months2, "2026-01-05", [incomplete, later])).toBe("2026-03-17");
  });
});

describe("configuration", () => {
  it("defaults to 2 months, resumed", () => {
    expect(readSvaSvr({})).toEqual({ decision: "disabled", period: 2, unit: "months", resume: "continue" });
    expect(readSvaSvr({ decision: "sva", period: 3 })).toMatchObject({ decision: "sva", period: 3, unit: "months" });
    expect(readSvaSvr({ decision: "oops" }).decision).toBe("disabled");
  });

  it("refuses a period of 0 or negative, too long, or with a declarative démarche", () => {
    const sva = { decision: "sva", period: 0, unit: "months", resume: "continue" } as const;
    expect(svaSvrConfigError(sva, null)).toBe("period_not_positive");
    expect(svaSvrConfigError({ ...sva, period: -1 }, null)).toBe("period_not_positive");
    expect(svaSvrConfigError({ ...sva, period: 121 }, null)).toBe("period_too_long");
    expect(svaSvrConfigError({ ...sva, period: 2 }, "accepte")).toBe("incompatible_with_declarative");
    expect(svaSvrConfigError({ ...sva, period: 2 }, null)).toBeNull();
    expect(svaSvrConfigError({ ...sva, decision: "disabled" }, "accepte")).toBeNull();
  });
});
