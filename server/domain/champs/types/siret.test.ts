import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { isValidSiret, siret } from "./siret";

describe("siret", () => {
  it.each([
    ["732 829 320 00074", "73282932000074"],
    ["732.829.320.00074", "73282932000074"],
    ["siret inconnu", "siret inconnu"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(siret.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["73282932000074", true],
    ["13002526500013", true],
    ["73282932000075", false], // Luhn
    ["7328293200007", false], // 13 digits
    ["35600000000048", true], // La Poste head office (Luhn)
    ["35600000012341", true], // La Poste: digit sum multiple of 5
    ["35600000012342", false],
  ] as const)("isValidSiret(%j) is %j", (value, expected) => {
    expect(isValidSiret(value)).toBe(expected);
  });

  it("validates and displays grouped", () => {
    expect(siret.validateForSubmit("73282932000074", typed("siret", {}))).toBeNull();
    expect(siret.validateForSubmit("73282932000075", typed("siret", {}))?.code).toBe("invalid_siret");
    expect(siret.validateForSubmit(null, typed("siret", {}))?.code).toBe("required");
    expect(siret.validateForSubmit(null, typed("siret", {}, { mandatory: false }))).toBeNull();
    expect(siret.displayValue("73282932000074", {}, "fr")).toBe("732 829 320 00074");
    expect(siret.stringValue("73282932000074")).toBe("73282932000074");
  });

  it.each([
    ["732 829 320 00074", "73282932000074"],
    ["73282932000075", null],
    [73282932000074, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(siret.prefill(raw, {})).toBe(expected);
  });
});
