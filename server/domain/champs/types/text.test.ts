import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { text } from "./text";

const mandatory = typed("text", {});
const optional = typed("text", {}, { mandatory: false });

describe("text", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["   ", null],
    ["  Dupont  ", "Dupont"],
    ["ligne 1\r\nligne 2\tfin", "ligne 1 ligne 2 fin"],
    ["a\u0000b\u0007c\u009F", "abc"],
    ["e\u0301te\u0301", "été"],
    [["", " second "], "second"],
  ] as const)("parses form input %j leniently to %j", (raw, expected) => {
    expect(text.parseFormInput(raw as string | string[] | undefined, {})).toBe(expected);
  });

  it("validates for submission", () => {
    expect(text.validateForSubmit("Dupont", mandatory)).toBeNull();
    expect(text.validateForSubmit(null, optional)).toBeNull();
    expect(text.validateForSubmit(null, mandatory)).toEqual({ code: "required", params: { libelle: mandatory.libelle } });
    expect(text.validateForSubmit("  ", mandatory)?.code).toBe("required");
  });

  it("displays and serves the value as is", () => {
    expect(text.isBlank(null)).toBe(true);
    expect(text.isBlank("x")).toBe(false);
    expect(text.displayValue("Dupont", {}, "fr")).toBe("Dupont");
    expect(text.displayValue(null, {}, "en")).toBe("");
    expect(text.stringValue("Dupont")).toBe("Dupont");
    expect(text.stringValue(null)).toBeNull();
  });

  it.each([
    ["Jean", "Jean"],
    [" Jean ", "Jean"],
    [42, "42"],
    ["", null],
    [{ a: 1 }, null],
    [null, null],
  ])("prefills %j as %j", (raw, expected) => {
    expect(text.prefill(raw, {})).toBe(expected);
  });
});
