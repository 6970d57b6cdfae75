import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { DOSSIER_NUMBER_MAX, dossierLink, dossierNumberOf } from "./dossier_link";

describe("dossier_link", () => {
  it.each([
    ["1234", 1234],
    [" 1234 ", 1234],
    ["n° 1234", 1234],
    ["N°1234", 1234],
    ["#42", 42],
    ["0", null],
    ["-3", null],
    ["12.5", null],
    ["12a", null],
    [String(DOSSIER_NUMBER_MAX + 1), null],
    ["", null],
    [null, null],
  ])("reads the dossier number of %j as %j", (value, expected) => {
    expect(dossierNumberOf(value)).toBe(expected);
  });

  it.each([
    ["1234", "1234"],
    ["n° 0042", "42"],
    ["douze", "douze"], // kept for the usager to fix
    ["", null],
    [undefined, null],
  ] as const)("parses %j as %j", (raw, expected) => {
    expect(dossierLink.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["1234", true, null],
    ["douze", true, "invalid_dossier_number"],
    ["0", false, "invalid_dossier_number"],
    [null, true, "required"],
    [null, false, null],
  ] as const)("validates %j (mandatory: %s) as %s", (value, mandatory, code) => {
    expect(dossierLink.validateForSubmit(value, typed("dossier_link", {}, { mandatory }))?.code ?? null).toBe(code);
  });

  it("displays and exports the number", () => {
    expect(dossierLink.displayValue("1234", {}, "fr")).toBe("1234");
    expect(dossierLink.displayValue("douze", {}, "fr")).toBe("douze");
    expect(dossierLink.displayValue(null, {}, "fr")).toBe("");
    expect(dossierLink.stringValue("1234")).toBe("1234");
    expect(dossierLink.stringValue(null)).toBeNull();
  });

  it.each([
    [1234, "1234"],
    ["1234", "1234"],
    [" 56 ", "56"],
    [0, null],
    [12.5, null],
    ["n° 12", null], // the reference wants an integer
    ["abc", null],
    [true, null],
  ] as [unknown, string | null][])("prefills %j as %j", (raw, expected) => {
    expect(dossierLink.prefill(raw, {})).toBe(expected);
  });
});
