import { describe, expect, it } from "vitest";
import {
  type DemarcheStatistics,
  frMonthLabel,
  frWeekLabel,
  monthsBetween,
  percentile,
  rate,
  secondsToDays,
  sumByWeek,
  toReferenceJson,
  usualProcessingTime,
  weekStart,
  weeklyWindow,
  weeksBetween,
  winsorizedMean,
} from "./compute";

describe("percentile", () => {
  it("interpolates linearly between ranks (percentile_cont)", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(91);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });
});

describe("winsorizedMean", () => {
  it("clamps the extremes to the 5th and 95th percentiles", () => {
    const values = [...Array.from({ length: 19 }, () => 10), 1000];
    // p95 of 19×10 and 1000: rank 18.05 → 10 + 990 × 0.05 = 59.5
    expect(winsorizedMean(values)).toBeCloseTo((19 * 10 + 59.5) / 20, 6);
    expect(winsorizedMean([])).toBeNull();
  });
});

describe("usualProcessingTime", () => {
  it("is null under three dossiers", () => {
    expect(usualProcessingTime([1, 2])).toBeNull();
  });
  it("is the 90th percentile of each third of the sorted durations", () => {
    // 7 values → slices of 3: [1,2,3] [4,5,6] [7]
    expect(usualProcessingTime([7, 1, 6, 2, 5, 3, 4])).toEqual([2.8, 5.8, 7]);
  });
});

describe("secondsToDays and rate", () => {
  it("rounds up to whole days; zero is no data", () => {
    expect(secondsToDays(86_400)).toBe(1);
    expect(secondsToDays(86_401)).toBe(2);
    expect(secondsToDays(0)).toBeNull();
    expect(secondsToDays(null)).toBeNull();
  });
  it("gives percentages with one decimal", () => {
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(0, 0)).toBe(0);
  });
});

describe("calendar buckets", () => {
  it("starts weeks on Monday", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07"); // a Monday
    expect(weekStart("2026-12-13")).toBe("2026-12-07"); // Sunday
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
  it("sums days into every week of the window, zero-filled", () => {
    const weeks = weeksBetween("2026-11-23", "2026-12-13");
    expect(weeks).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(
      sumByWeek(
        [
          { day: "2026-11-24", count: 2 },
          { day: "2026-11-29", count: 1 },
          { day: "2026-12-13", count: 4 },
          { day: "2026-10-01", count: 9 },
        ],
        weeks,
      ),
    ).toEqual([
      { week: "2026-11-23", count: 3 },
      { week: "2026-11-30", count: 0 },
      { week: "2026-12-07", count: 4 },
    ]);
  });
  it("covers six months of whole weeks up to this week's Sunday", () => {
    expect(weeklyWindow("2026-12-09")).toEqual({ from: "2026-06-01", to: "2026-12-13" });
    expect(weeklyWindow("2027-08-31")).toEqual({ from: "2027-02-22", to: "2027-09-05" });
  });
  it("lists months", () => {
    expect(monthsBetween("2026-11-15", "2027-01-02")).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
  });
});

describe("toReferenceJson", () => {
  it("has the reference's keys, labels and nesting", () => {
    const stats: DemarcheStatistics = {
      today: "2026-12-09",
      funnel: { tous: 10, deposes: 8, instruction: 5, traites: 3 },
      decisions: { accepte: 2, refuse: 1, sans_suite: 0 },
      decisionRates: { accepte: 66.7, refuse: 33.3, sans_suite: 0 },
      processedByWeek: [
        { week: "2026-11-30", accepte: 1, refuse: 0, sans_suite: 0 },
        { week: "2026-12-07", accepte: 1, refuse: 1, sans_suite: 0 },
      ],
      deposesByWeek: [],
      usualProcessingTime: null,
      recentProcessingP90: null,
      processingTimeByMonth: [{ month: "2026-11-01", days: 3 }],
    };
    expect(toReferenceJson(stats)).toEqual({
      funnel: [
        ["Tous (dont brouillon)", 10],
        ["Déposés", 8],
        ["Instruction débutée", 5],
        ["Traités", 3],
      ],
      processed: [
        ["Acceptés", 66.7],
        ["Refusés", 33.3],
        ["Classés sans suite", 0],
      ],
      processed_by_week: [
        { name: "accepte", data: { [frWeekLabel("2026-11-30")]: 1, [frWeekLabel("2026-12-07")]: 1 } },
        { name: "refuse", data: { [frWeekLabel("2026-11-30")]: 0, [frWeekLabel("2026-12-07")]: 1 } },
      ],
      processing_time: null,
      processing_time_by_month: { "Novembre 2026": 3 },
    });
    expect(frWeekLabel("2026-12-07")).toBe("07 déc.");
    expect(frMonthLabel("2026-12-01")).toBe("Décembre 2026");
  });
});
