import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { iban, isValidIban } from "./iban";

const VALID = "FR7630006000011234567890189";

describe("iban", () => {
  it.each([
    ["FR76 3000 6000 0112 3456 7890 189", VALID],
    ["fr7630006000011234567890189", VALID],
    ["pas un iban", "pas un iban"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(iban.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    [VALID, true],
    ["DE89370400440532013000", true],
    ["GB82WEST12345698765432", true],
    ["FR7630006000011234567890188", false], // checksum
    ["FR76", false],
    ["7630006000011234567890189", false],
  ] as const)("isValidIban(%j) is %j", (value, expected) => {
    expect(isValidIban(value)).toBe(expected);
  });

  it("validates, displays by groups of 4 and serves without spaces", () => {
    expect(iban.validateForSubmit(VALID, typed("iban", {}))).toBeNull();
    expect(iban.validateForSubmit("FR7630006000011234567890188", typed("iban", {}))?.code).toBe("invalid_iban");
    expect(iban.validateForSubmit(null, typed("iban", {}))?.code).toBe("required");
    expect(iban.displayValue(VALID, {}, "fr")).toBe("FR76 3000 6000 0112 3456 7890 189");
    expect(iban.stringValue(VALID)).toBe(VALID);
  });

  it.each([
    ["FR76 3000 6000 0112 3456 7890 189", VALID],
    ["FR7630006000011234567890188", null],
    [42, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(iban.prefill(raw, {})).toBe(expected);
  });
});
