import { describe, expect, it } from "vitest";
import { getTypeDeChamp } from "../champs/registry";
import {
  CHARACTER_LIMIT_CHOICES,
  champOptionsFromEditor,
  optionLinesOf,
  parseOptionLines,
  type ChampEditorInput,
} from "./champ-editor-form";

const blank: ChampEditorInput = {
  libelle: "",
  description: "",
  mandatory: false,
  dropDownOptions: "",
  dropDownOther: false,
  characterLimit: "",
  level: "",
};

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
    const result = champOptionsFromEditor("drop_down_list", { ...blank, dropDownOptions: "Oui\nNon", dropDownOther: true });
    expect(result).toEqual({ ok: true, options: { options: ["Oui", "Non"], other: true } });
    if (result.ok) expect(getTypeDeChamp("drop_down_list").optionsSchema.safeParse(result.options).success).toBe(true);
    expect(optionLinesOf({ options: ["Oui", "Non"] })).toBe("Oui\nNon");
  });

  it("reads the textarea character limit", () => {
    expect(champOptionsFromEditor("textarea", blank)).toEqual({ ok: true, options: {} });
    expect(champOptionsFromEditor("textarea", { ...blank, characterLimit: "1000" })).toEqual({
      ok: true,
      options: { characterLimit: 1000 },
    });
    for (const bad of ["399", "10001", "1e3", "500.5", "abc"]) {
      const result = champOptionsFromEditor("textarea", { ...blank, characterLimit: bad });
      expect(result.ok ? null : result.error).toMatchObject({ field: "characterLimit", key: "character_limit_invalid" });
    }
    for (const limit of CHARACTER_LIMIT_CHOICES) {
      const result = champOptionsFromEditor("textarea", { ...blank, characterLimit: String(limit) });
      expect(result.ok && getTypeDeChamp("textarea").optionsSchema.safeParse(result.options).success).toBe(true);
    }
  });

  it("reads the section level", () => {
    expect(champOptionsFromEditor("header_section", { ...blank, level: "2" })).toEqual({ ok: true, options: { level: 2 } });
    expect(champOptionsFromEditor("header_section", { ...blank, level: "4" }).ok).toBe(false);
  });

  it("gives no options to types without any", () => {
    expect(champOptionsFromEditor("text", { ...blank, dropDownOptions: "x" })).toEqual({ ok: true, options: {} });
  });
});
