/**
 * The page data the field components render as they are (decision 0011): options parsed by their
 * type, values read with their type, display texts computed on the server.
 */
import { describe, expect, it } from "vitest";
import { TYPES_CHAMP } from "../domain/champs/definition";
import { defaultOptionsFor, getTypeDeChamp, resolveOptions, usableOptions } from "../domain/champs/registry";
import { descriptor } from "../domain/champs/test-helpers";
import { displayTexts, pageDescriptors, pageValues } from "./form-view";

describe("pageDescriptors", () => {
  it("gives options parsed by the type (defaults filled in, unknown keys stripped)", () => {
    const [header] = pageDescriptors([descriptor("header_section", { options: { junk: true } })]);
    expect(header?.options).toEqual(usableOptions({ type: "header_section", options: {} }));
    expect(header?.options).not.toHaveProperty("junk");
  });

  it("falls back to the type's defaults when the options do not parse (a draft revision)", () => {
    const [list] = pageDescriptors([descriptor("drop_down_list", { options: { options: "not a list" } })]);
    expect(list?.options).toEqual(defaultOptionsFor("drop_down_list"));
  });

  it("parses the children of a block too", () => {
    const [block] = pageDescriptors([
      descriptor("repetition", { children: [descriptor("header_section", { options: { junk: 1 } })] }),
    ]);
    expect(block?.children?.[0]?.options).not.toHaveProperty("junk");
  });

  it("is idempotent for every type: parsed options parse to themselves (the live conditions parse them again)", () => {
    for (const type of TYPES_CHAMP) {
      const options = usableOptions({ type, options: defaultOptionsFor(type) });
      const again = resolveOptions({ type, options });
      expect(again, type).toEqual({ ok: true, options });
    }
  });
});

describe("pageValues", () => {
  it("keeps values of the field's shape, nulls the others, drops keys of no field", () => {
    const number = descriptor("integer_number");
    const yesNo = descriptor("yes_no");
    const tree = [number, yesNo];
    const read = pageValues(tree, { [number.stableId]: "42", [yesNo.stableId]: { not: "a boolean" }, 999999: "x" });
    expect(read).toEqual({ [number.stableId]: "42", [yesNo.stableId]: null });
  });

  it("reads a block's rows and its children's values by row", () => {
    const child = descriptor("text");
    const block = descriptor("repetition", { children: [child] });
    const values = { [block.stableId]: ["r1"], [`${child.stableId}|r1`]: "dans la ligne" };
    expect(pageValues([block], values)).toEqual(values);
  });
});

describe("displayTexts", () => {
  it("is each occurrence's displayValue in the locale, rows included; blank and layout fields have none", () => {
    const header = descriptor("header_section");
    const yesNo = descriptor("yes_no");
    const empty = descriptor("text");
    const child = descriptor("yes_no");
    const block = descriptor("repetition", { children: [child] });
    const tree = pageDescriptors([header, yesNo, empty, block]);
    const values = { [yesNo.stableId]: "true", [block.stableId]: ["r1"], [`${child.stableId}|r1`]: "false" };
    const expected = (locale: "fr" | "en", value: string) =>
      getTypeDeChamp("yes_no").displayValue(value, tree[1]?.options, locale);
    expect(displayTexts(tree, values, "fr")).toEqual({
      [yesNo.stableId]: expected("fr", "true"),
      [`${child.stableId}|r1`]: expected("fr", "false"),
    });
    expect(displayTexts(tree, values, "en")[yesNo.stableId]).toBe(expected("en", "true"));
    expect(expected("fr", "true")).not.toBe(expected("en", "true"));
  });
});
