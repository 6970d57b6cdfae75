import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { pays } from "./pays";

describe("pays", () => {
  it.each([
    ["FR", "FR"],
    [" de ", "DE"],
    ["Allemagne", "DE"],
    ["Atlantide", "Atlantide"], // kept as typed, refused at submission
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(pays.parseFormInput(raw, {})).toBe(expected);
  });

  it("validates against the country list (overseas départements are France)", () => {
    expect(pays.validateForSubmit("DE", typed("pays", {}))).toBeNull();
    expect(pays.validateForSubmit("GP", typed("pays", {}))?.code).toBe("invalid_option");
    expect(pays.validateForSubmit("Atlantide", typed("pays", {}))?.code).toBe("invalid_option");
    expect(pays.validateForSubmit(null, typed("pays", {}))?.code).toBe("required");
    expect(pays.validateForSubmit(null, typed("pays", {}, { mandatory: false }))).toBeNull();
  });

  it("displays the name in the reader's language and serves the French name", () => {
    expect(pays.displayValue("DE", {}, "fr")).toBe("Allemagne");
    expect(pays.displayValue("DE", {}, "en")).toBe("Germany");
    expect(pays.displayValue(null, {}, "fr")).toBe("");
    expect(pays.stringValue("DE")).toBe("Allemagne");
    expect(pays.stringValue(null)).toBeNull();
    expect(pays.isBlank("")).toBe(true);
  });

  it.each([
    ["FR", "FR"],
    ["be", "BE"],
    ["Belgique", "BE"],
    ["XX", null],
    ["GP", null],
    [42, null],
    [["FR"], null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(pays.prefill(raw, {})).toBe(expected);
  });
});
