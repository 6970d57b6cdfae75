import { describe, expect, it } from "vitest";
import { champErrorMessage } from "../errors";
import { typed } from "../test-helpers";
import { decimalNumber } from "./decimal_number";
import { integerNumber } from "./integer_number";

describe("number options (integer_number, decimal_number)", () => {
  it.each([
    [{}, {}],
    [
      { positiveNumber: true, minNumber: 3, maxNumber: 10, legacy: "1" },
      { positiveNumber: true, minNumber: 3, maxNumber: 10 },
    ],
  ])("parses %j", (raw, expected) => {
    expect(integerNumber.optionsSchema.parse(raw)).toEqual(expected);
    expect(decimalNumber.optionsSchema.parse(raw)).toEqual(expected);
  });

  it.each([
    ["min over max", { minNumber: 10, maxNumber: 3 }],
    ["not a number", { minNumber: "3" }],
    ["not a boolean", { positiveNumber: "1" }],
  ] as [string, unknown][])("rejects %s", (_name, raw) => {
    expect(integerNumber.optionsSchema.safeParse(raw).success).toBe(false);
    expect(decimalNumber.optionsSchema.safeParse(raw).success).toBe(false);
  });

  it("wants whole bounds for integers and at most 3 decimals for decimals", () => {
    expect(integerNumber.optionsSchema.safeParse({ minNumber: 2.5 }).success).toBe(false);
    expect(decimalNumber.optionsSchema.safeParse({ minNumber: 2.5 }).success).toBe(true);
    expect(decimalNumber.optionsSchema.safeParse({ maxNumber: 2.5555 }).success).toBe(false);
  });

  it.each([
    ["5", { positiveNumber: true }, null],
    ["0", { positiveNumber: true }, null],
    ["-1", { positiveNumber: true }, "not_positive"],
    ["3", { minNumber: 3 }, null],
    ["2", { minNumber: 3 }, "too_small"],
    ["10", { maxNumber: 10 }, null],
    ["11", { maxNumber: 10 }, "too_large"],
    ["9007199254740991", { maxNumber: 9007199254740990 }, "too_large"],
    ["abc", { minNumber: 3 }, "invalid_integer"],
  ])("integer %j with %j → %s", (value, options, code) => {
    expect(integerNumber.validateForSubmit(value, typed("integer_number", options))?.code ?? null).toBe(code);
  });

  it.each([
    ["2.999", { minNumber: 3 }, "too_small"],
    ["3", { minNumber: 3 }, null],
    ["10.001", { maxNumber: 10 }, "too_large"],
    ["-0.5", { positiveNumber: true }, "not_positive"],
    ["2.5", { minNumber: 2.5, maxNumber: 2.5 }, null],
  ])("decimal %j with %j → %s", (value, options, code) => {
    expect(decimalNumber.validateForSubmit(value, typed("decimal_number", options))?.code ?? null).toBe(code);
  });

  it("says which bound in the reader's format", () => {
    const descriptor = typed("decimal_number", { minNumber: 1234.5 }, { libelle: "Montant" });
    const error = decimalNumber.validateForSubmit("3", descriptor);
    expect(error).toEqual({ code: "too_small", params: { libelle: "Montant", min: 1234.5 } });
    if (!error) return;
    expect(champErrorMessage(error, "fr")).toBe("Le champ « Montant » doit être supérieur ou égal à 1\u202F234,5");
    expect(champErrorMessage(error, "en")).toBe("The field “Montant” must be greater than or equal to 1,234.5");
    const three = integerNumber.validateForSubmit("2", typed("integer_number", { minNumber: 3 }, { libelle: "Âge" }));
    expect(three && champErrorMessage(three, "fr")).toBe("Le champ « Âge » doit être supérieur ou égal à 3");
  });
});
