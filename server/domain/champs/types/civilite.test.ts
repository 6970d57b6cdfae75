import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { civilite } from "./civilite";

describe("civilite", () => {
  it.each([
    ["M.", "M."],
    ["Mme", "Mme"],
    [" mme ", "Mme"],
    ["M", "M."],
    ["Mlle", null],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(civilite.parseFormInput(raw, {})).toBe(expected);
  });

  it("validates for submission", () => {
    expect(civilite.validateForSubmit("Mme", typed("civilite", {}))).toBeNull();
    expect(civilite.validateForSubmit(null, typed("civilite", {}))?.code).toBe("required");
    expect(civilite.validateForSubmit(null, typed("civilite", {}, { mandatory: false }))).toBeNull();
    expect(civilite.valueSchema.safeParse("Mlle").success).toBe(false);
  });

  it.each([
    ["M.", "fr", "M."],
    ["Mme", "fr", "Mme"],
    ["M.", "en", "Mr"],
    ["Mme", "en", "Ms"],
    [null, "fr", ""],
  ] as const)("displays %j in %s as %j", (value, locale, expected) => {
    expect(civilite.displayValue(value, {}, locale)).toBe(expected);
  });

  it.each([
    ["M.", "M."],
    ["Mme", "Mme"],
    ["Madame", null],
    [1, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(civilite.prefill(raw, {})).toBe(expected);
  });
});
