import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { DROP_DOWN_OTHER, dropDownList, type DropDownListOptions } from "./drop_down_list";

const options: DropDownListOptions = { options: ["Paris", "Lyon", "Saint-Étienne"] };
const withOther: DropDownListOptions = { ...options, other: true };

describe("drop_down_list options", () => {
  it("trims options and strips unknown keys", () => {
    expect(dropDownList.optionsSchema.parse({ options: [" Paris ", "Lyon"], legacy: 1 })).toEqual({
      options: ["Paris", "Lyon"],
    });
  });

  it.each([
    [{ options: [] }, "empty"],
    [{ options: ["Paris", " "] }, "blank option"],
    [{ options: ["Paris", " Paris"] }, "duplicate after trim"],
    [{ options: [DROP_DOWN_OTHER] }, "reserved sentinel"],
    [{ options: Array.from({ length: 5001 }, (_, i) => `o${i}`) }, "too many"],
    [{}, "missing"],
  ] as [unknown, string][])("rejects %j (%s)", (raw) => {
    expect(dropDownList.optionsSchema.safeParse(raw).success).toBe(false);
  });

  it("has valid translated default options", () => {
    expect(dropDownList.defaultOptions("fr")).toEqual({ options: ["Premier choix", "Deuxième choix"], other: false });
    expect(dropDownList.optionsSchema.safeParse(dropDownList.defaultOptions("en")).success).toBe(true);
  });
});

describe("drop_down_list values", () => {
  it.each([
    ["Lyon", "Lyon"],
    [" Lyon ", "Lyon"],
    ["Saint-E\u0301tienne", "Saint-Étienne"],
    [["Lyon", ""], "Lyon"], // option chosen, empty "Autre" text
    [["", "Lyon"], "Lyon"],
    [["Lyon", "Marseille"], "Lyon"], // stray "Autre" text loses to the chosen option
    [["Marseille", "Lyon"], "Lyon"],
    [[DROP_DOWN_OTHER, " Marseille "], "Marseille"],
    [["Marseille", DROP_DOWN_OTHER], "Marseille"],
    [[DROP_DOWN_OTHER, ""], null],
    ["Marseille", "Marseille"], // unknown value kept in the draft
    ["", null],
    [undefined, null],
  ] as const)("parses form input %j to %j", (raw, expected) => {
    expect(dropDownList.parseFormInput(raw as string | string[] | undefined, options)).toBe(expected);
  });

  it("validates against the options unless Autre is enabled", () => {
    const strict = typed("drop_down_list", options);
    const open = typed("drop_down_list", withOther);
    expect(dropDownList.validateForSubmit("Lyon", strict)).toBeNull();
    expect(dropDownList.validateForSubmit("Marseille", strict)).toEqual({
      code: "invalid_option",
      params: { libelle: strict.libelle },
    });
    expect(dropDownList.validateForSubmit("Marseille", open)).toBeNull();
    expect(dropDownList.validateForSubmit(null, strict)?.code).toBe("required");
    expect(dropDownList.validateForSubmit(null, typed("drop_down_list", options, { mandatory: false }))).toBeNull();
  });

  it("displays and serves the chosen text", () => {
    expect(dropDownList.displayValue("Lyon", options, "en")).toBe("Lyon");
    expect(dropDownList.displayValue(null, options, "fr")).toBe("");
    expect(dropDownList.stringValue("Lyon")).toBe("Lyon");
    expect(dropDownList.stringValue(null)).toBeNull();
  });

  it.each([
    ["Lyon", options, "Lyon"],
    [" Lyon ", options, "Lyon"],
    ["Marseille", options, null],
    ["Marseille", withOther, "Marseille"],
    [DROP_DOWN_OTHER, withOther, null],
    ["", withOther, null],
    [["Lyon"], options, null],
  ] as const)("prefills %j with %j as %j", (raw, opts, expected) => {
    expect(dropDownList.prefill(raw, opts)).toBe(expected);
  });
});
