import { describe, expect, it } from "vitest";
import { linearScale, niceTicks } from "./chart-scale";

describe("niceTicks", () => {
  it("rounds the top up to a nice step", () => {
    expect(niceTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1_000_000)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });
  it("never uses fractional steps for small counts, and has an axis for empty data", () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("linearScale", () => {
  it("maps the domain onto the length", () => {
    const x = linearScale(200, 100);
    expect(x(50)).toBe(25);
    expect(x(-3)).toBe(0);
    expect(linearScale(0, 100)(5)).toBe(0);
  });
});
