import { describe, expect, it } from "vitest";
import { getTypeDeChamp } from "../champs/registry";
import {
  CHARACTER_LIMIT_CHOICES,
  champOptionsFromEditor,
  editorOptionsFromForm,
  editorOptionsOf,
  optionLinesOf,
  parseOptionLines,
} from "./champ-editor-form";

/** A submitted form from a plain object (one value per name). */
function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("parseOptionLines", () => {
  it("keeps one clean option per line and skips blank lines", () => {
    expect(parseOptionLines(" Paris \r\n\r\nLyon\n  \nSaint-\u00c9tienne\n")).toEqual({
      ok: true,
      options: ["Paris", "Lyon", "Saint-Étienne"],
    });
  });

  it.each([
    ["", "options_empty"],
    ["  \n \n", "options_empty"],
    ["Paris\nLyon\n Paris", "option_duplicate"],
    ["Paris\n__other__", "option_reserved"],
    [Array.from({ length: 5001 }, (_, i) => `o${i}`).join("\n"), "options_too_many"],
  ])("rejects %j (%s)", (text, key) => {
    const result = parseOptionLines(text);
    expect(result.ok ? null : result.error.key).toBe(key);
  });

  it("names the duplicated option", () => {
    const result = parseOptionLines("A\nB\nA");
    expect(result.ok ? null : result.error.params).toEqual({ option: "A" });
  });

  it("accepts 5 000 options", () => {
    expect(parseOptionLines(Array.from({ length: 5000 }, (_, i) => `o${i}`).join("\n")).ok).toBe(true);
  });
});

describe("champOptionsFromEditor", () => {
  it("builds drop-down options the type accepts", () => {
    const values = editorOptionsFromForm("drop_down_list", form({ dropDownOptions: "Oui\nNon", dropDownOther: "on" }));
    const result = champOptionsFromEditor("drop_down_list", values);
    expect(result).toEqual({ ok: true, options: { options: ["Oui", "Non"], other: true } });
    if (result.ok) expect(getTypeDeChamp("drop_down_list").optionsSchema.safeParse(result.options).success).toBe(true);
    expect(optionLinesOf({ options: ["Oui", "Non"] })).toBe("Oui\nNon");
    expect(editorOptionsOf("drop_down_list", { options: ["Oui", "Non"], other: true })).toEqual({
      dropDownOptions: "Oui\nNon",
      dropDownOther: true,
    });
  });

  it("builds multiple drop-down options without an « Autre » choice", () => {
    const values = editorOptionsFromForm("multiple_drop_down_list", form({ dropDownOptions: "A\nB", dropDownOther: "on" }));
    expect(champOptionsFromEditor("multiple_drop_down_list", values)).toEqual({ ok: true, options: { options: ["A", "B"] } });
  });

  it("reads the textarea character limit", () => {
    expect(champOptionsFromEditor("textarea", { characterLimit: "" })).toEqual({ ok: true, options: {} });
    expect(champOptionsFromEditor("textarea", editorOptionsFromForm("textarea", form({})))).toEqual({ ok: true, options: {} });
    expect(champOptionsFromEditor("textarea", { characterLimit: "1000" })).toEqual({
      ok: true,
      options: { characterLimit: 1000 },
    });
    for (const bad of ["399", "10001", "1e3", "500.5", "abc"]) {
      const result = champOptionsFromEditor("textarea", { characterLimit: bad });
      expect(result.ok ? null : result.error).toMatchObject({ field: "characterLimit", key: "character_limit_invalid" });
    }
    for (const limit of CHARACTER_LIMIT_CHOICES) {
      const result = champOptionsFromEditor("textarea", { characterLimit: String(limit) });
      expect(result.ok && getTypeDeChamp("textarea").optionsSchema.safeParse(result.options).success).toBe(true);
    }
    expect(editorOptionsOf("textarea", { characterLimit: 800 })).toEqual({ characterLimit: "800" });
  });

  it("reads the section level", () => {
    expect(champOptionsFromEditor("header_section", { level: "2" })).toEqual({ ok: true, options: { level: 2 } });
    expect(champOptionsFromEditor("header_section", { level: "4" }).ok).toBe(false);
    expect(editorOptionsOf("header_section", {})).toEqual({ level: "1" });
  });

  it("gives no options to types without any", () => {
    expect(editorOptionsFromForm("text", form({ dropDownOptions: "x" }))).toEqual({});
    expect(champOptionsFromEditor("text", { dropDownOptions: "x" })).toEqual({ ok: true, options: {} });
  });
});
