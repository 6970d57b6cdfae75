import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { multipleDropDownList, type MultipleDropDownListOptions } from "./multiple_drop_down_list";

const options: MultipleDropDownListOptions = { options: ["Paris", "Lyon", "Saint-Étienne"] };

describe("multiple_drop_down_list options", () => {
  it.each([
    [{ options: [] }, false],
    [{ options: ["A", " A"] }, false],
    [{ options: ["__other__"] }, false],
    [{ options: ["A", "B"], other: true }, true], // "other" is not an option of this type: stripped
  ] as [unknown, boolean][])("parses %j → %j", (raw, ok) => {
    expect(multipleDropDownList.optionsSchema.safeParse(raw).success).toBe(ok);
  });

  it("strips unknown keys and has translated defaults", () => {
    expect(multipleDropDownList.optionsSchema.parse({ options: ["A"], other: true })).toEqual({ options: ["A"] });
    expect(multipleDropDownList.defaultOptions("fr")).toEqual({ options: ["Premier choix", "Deuxième choix"] });
  });
});

describe("multiple_drop_down_list values", () => {
  it.each([
    [
      ["", "Lyon", "Paris"],
      ["Paris", "Lyon"],
    ], // options' order, hidden empty input ignored
    [["Lyon", "Lyon"], ["Lyon"]],
    ["Saint-E\u0301tienne", ["Saint-Étienne"]],
    [
      ["Marseille", "Lyon"],
      ["Lyon", "Marseille"],
    ], // unknown kept in the draft
    [[""], null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(multipleDropDownList.parseFormInput(raw as string | string[] | undefined, options)).toEqual(expected);
  });

  it.each([
    [["Lyon"], true, null],
    [["Lyon", "Marseille"], true, "invalid_option"],
    [null, true, "required"],
    [[], true, "required"],
    [null, false, null],
  ] as const)("validates %j (mandatory: %j) → %j", (value, mandatory, code) => {
    const descriptor = typed("multiple_drop_down_list", options, { mandatory });
    expect(multipleDropDownList.validateForSubmit(value as string[] | null, descriptor)?.code ?? null).toBe(code);
  });

  it("displays and serves the choices joined", () => {
    expect(multipleDropDownList.displayValue(["Paris", "Lyon"], options, "fr")).toBe("Paris, Lyon");
    expect(multipleDropDownList.stringValue(["Paris", "Lyon"])).toBe("Paris, Lyon");
    expect(multipleDropDownList.stringValue([])).toBeNull();
    expect(multipleDropDownList.isBlank([])).toBe(true);
  });

  it.each([
    ["Lyon", ["Lyon"]],
    [
      ["Lyon", "Paris"],
      ["Paris", "Lyon"],
    ],
    [["Lyon", "Marseille"], ["Lyon"]],
    ["Marseille", null],
    [42, null],
  ] as const)("prefills %j as %j", (raw, expected) => {
    expect(multipleDropDownList.prefill(raw, options)).toEqual(expected);
  });
});
