import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { decimalNumber } from "./decimal_number";

describe("decimal_number", () => {
  it.each([
    ["12,5", "12.5"],
    ["1 234,567", "1234.567"],
    ["1\u202F234,5", "1234.5"],
    ["\u22123,2", "-3.2"],
    ["42", "42"],
    ["12,3456", "12.3456"], // kept, rejected at submission
    ["12 ans", "12 ans"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(decimalNumber.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["12.5", null],
    ["-0.125", null],
    ["42", null],
    ["12.3456", "invalid_decimal"],
    ["12 ans", "invalid_decimal"],
    ["1234567890123456", "invalid_decimal"],
    [null, "required"],
  ] as const)("validates %j → %j", (value, code) => {
    expect(decimalNumber.validateForSubmit(value, typed("decimal_number", {}))?.code ?? null).toBe(code);
  });

  it.each([
    ["1234.5", "fr", "1\u202F234,5"],
    ["1234.5", "en", "1,234.5"],
    ["12 ans", "fr", "12 ans"],
    [null, "fr", ""],
  ] as const)("displays %j in %s as %j", (value, locale, expected) => {
    expect(decimalNumber.displayValue(value, {}, locale)).toBe(expected);
  });

  it.each([
    [49.3, "49.3"],
    ["49,3", "49.3"],
    ["49.3", "49.3"],
    [Number.NaN, null],
    ["abc", null],
    [true, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(decimalNumber.prefill(raw, {})).toBe(expected);
  });
});
