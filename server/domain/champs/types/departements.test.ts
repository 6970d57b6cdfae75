import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { departements } from "./departements";

describe("departements", () => {
  it.each([
    ["56", "56"],
    ["2a", "2A"],
    ["1", "01"],
    ["56 – Morbihan", "56"],
    ["Haute-Savoie", "74"],
    ["morbihan", "56"],
    ["Armorique", "Armorique"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(departements.parseFormInput(raw, {})).toBe(expected);
  });

  it("validates and displays « code – name » (hyphen in the API, as the reference's v2)", () => {
    expect(departements.validateForSubmit("971", typed("departements", {}))).toBeNull();
    expect(departements.validateForSubmit("99", typed("departements", {}))).toBeNull();
    expect(departements.validateForSubmit("100", typed("departements", {}))?.code).toBe("invalid_option");
    expect(departements.validateForSubmit(null, typed("departements", {}))?.code).toBe("required");
    expect(departements.displayValue("56", {}, "fr")).toBe("56 – Morbihan");
    expect(departements.displayValue("99", {}, "fr")).toBe("99 – Étranger");
    expect(departements.displayValue("99", {}, "en")).toBe("99 – Abroad");
    expect(departements.stringValue("56")).toBe("56 - Morbihan");
    expect(departements.stringValue(null)).toBeNull();
  });

  it.each([
    ["56", "56"],
    [56, "56"],
    ["2B", "2B"],
    ["Morbihan", "56"],
    ["00", null],
    [["56"], null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(departements.prefill(raw, {})).toBe(expected);
  });
});
