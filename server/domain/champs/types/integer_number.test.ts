import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { integerNumber, isValidInteger } from "./integer_number";

const mandatory = typed("integer_number", {});

describe("integer_number", () => {
  it.each([
    [" 42 ", "42"],
    ["1 000 000", "1000000"],
    ["1\u202F234", "1234"],
    ["\u221212", "-12"],
    ["12a", "12a"], // kept as typed so the user can fix it
    ["12 ans", "12 ans"],
    ["1,5", "1,5"],
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j leniently to %j", (raw, expected) => {
    expect(integerNumber.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["0", true],
    ["-12", true],
    ["007", true],
    ["9007199254740991", true],
    ["-9007199254740991", true],
    ["9007199254740992", false],
    ["-9007199254740992", false],
    ["12a", false],
    ["1.5", false],
    ["+3", false],
    ["-", false],
    ["", false],
  ] as const)("isValidInteger(%j) is %s", (value, valid) => {
    expect(isValidInteger(value)).toBe(valid);
    expect(integerNumber.validateForSubmit(value, mandatory)?.code ?? null).toBe(
      valid ? null : value === "" ? "required" : "invalid_integer",
    );
  });

  it("checks mandatory", () => {
    expect(integerNumber.validateForSubmit(null, mandatory)?.code).toBe("required");
    expect(integerNumber.validateForSubmit(null, typed("integer_number", {}, { mandatory: false }))).toBeNull();
  });

  it("displays with locale grouping, drafts as typed", () => {
    expect(integerNumber.displayValue("1234567", {}, "fr")).toBe("1\u202F234\u202F567");
    expect(integerNumber.displayValue("-1234567", {}, "en")).toBe("-1,234,567");
    expect(integerNumber.displayValue("9007199254740991", {}, "en")).toBe("9,007,199,254,740,991");
    expect(integerNumber.displayValue("12a", {}, "fr")).toBe("12a");
    expect(integerNumber.displayValue(null, {}, "fr")).toBe("");
  });

  it("serves the stored string to the API", () => {
    expect(integerNumber.stringValue("42")).toBe("42");
    expect(integerNumber.stringValue(null)).toBeNull();
  });

  it.each([
    [42, "42"],
    [-3, "-3"],
    ["42", "42"],
    [" 1 000 ", "1000"],
    [4.2, null],
    ["4.2", null],
    ["abc", null],
    [2 ** 60, null],
    ["99999999999999999999", null],
    [true, null],
  ])("prefills %j as %j", (raw, expected) => {
    expect(integerNumber.prefill(raw, {})).toBe(expected);
  });
});
