import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { regions } from "./regions";

describe("regions", () => {
  it.each([
    ["53", "53"],
    ["Bretagne", "53"],
    ["ile de france", "11"],
    ["Armorique", "Armorique"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(regions.parseFormInput(raw, {})).toBe(expected);
  });

  it("validates, displays and serves the name", () => {
    expect(regions.validateForSubmit("53", typed("regions", {}))).toBeNull();
    expect(regions.validateForSubmit("975", typed("regions", {}))?.code).toBe("invalid_option");
    expect(regions.validateForSubmit(null, typed("regions", {}))?.code).toBe("required");
    expect(regions.displayValue("53", {}, "fr")).toBe("Bretagne");
    expect(regions.displayValue("04", {}, "en")).toBe("La Réunion");
    expect(regions.stringValue("53")).toBe("Bretagne");
    expect(regions.stringValue(null)).toBeNull();
  });

  it.each([
    ["53", "53"],
    ["Bretagne", "53"],
    ["99", null],
    [53, "53"],
    [true, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(regions.prefill(raw, {})).toBe(expected);
  });
});
