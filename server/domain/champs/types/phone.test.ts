import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { normalizePhone, phone } from "./phone";

describe("phone", () => {
  it.each([
    ["06 12 34 56 78", "0612345678"],
    ["06.12.34.56.78", "0612345678"],
    ["06-12-34-56-78", "0612345678"],
    ["+33 6 12 34 56 78", "0612345678"],
    ["+33 (0)1 23 45 67 89", "0123456789"],
    ["0033612345678", "0612345678"],
    ["0590 12 34 5", null], // too short
    ["0590 12 34 56", "0590123456"],
    ["+262 692 12 34 56", "0692123456"],
    ["+590 690 12 34 56", "0690123456"],
    ["+596 696 12 34 56", "0696123456"],
    ["+687 12 34 56", "+687123456"], // New Caledonia keeps its international form
    ["+32 2 123 45 67", "+3221234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["12345", null],
    ["bonjour", null],
  ] as const)("normalises %j to %j", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ["06 12 34 56 78", "0612345678"],
    ["pas un numéro", "pas un numéro"],
    ["", null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(phone.parseFormInput(raw, {})).toBe(expected);
  });

  it.each([
    ["0612345678", null],
    ["+3221234567", null],
    ["0012", "invalid_phone"],
    ["pas un numéro", "invalid_phone"],
    [null, "required"],
  ] as const)("validates %j → %j", (value, code) => {
    expect(phone.validateForSubmit(value, typed("phone", {}))?.code ?? null).toBe(code);
  });

  it("displays French numbers by pairs and others as stored", () => {
    expect(phone.displayValue("0612345678", {}, "fr")).toBe("06 12 34 56 78");
    expect(phone.displayValue("+3221234567", {}, "en")).toBe("+3221234567");
    expect(phone.displayValue(null, {}, "fr")).toBe("");
  });

  it.each([
    ["0612345678", "0612345678"],
    ["+33612345678", "0612345678"],
    ["nope", null],
    [612345678, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(phone.prefill(raw, {})).toBe(expected);
  });
});
