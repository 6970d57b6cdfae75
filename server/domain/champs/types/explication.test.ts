import { describe, expect, it } from "vitest";
import { collapsibleText, explication } from "./explication";

describe("explication", () => {
  it.each([
    [{}, { collapsibleExplanationEnabled: false }],
    [
      { collapsibleExplanationEnabled: true, collapsibleExplanationText: " Ligne 1\r\nLigne 2 ", extra: 1 },
      { collapsibleExplanationEnabled: true, collapsibleExplanationText: "Ligne 1\nLigne 2" },
    ],
  ])("parses options %j", (raw, expected) => {
    expect(explication.optionsSchema.parse(raw)).toEqual(expected);
  });

  it.each([
    ["not a boolean", { collapsibleExplanationEnabled: "1" }],
    ["too long", { collapsibleExplanationText: "x".repeat(10_001) }],
  ] as [string, unknown][])("rejects options that are %s", (_name, raw) => {
    expect(explication.optionsSchema.safeParse(raw).success).toBe(false);
  });

  it.each([
    [{ collapsibleExplanationEnabled: true, collapsibleExplanationText: "Plus" }, "Plus"],
    [{ collapsibleExplanationEnabled: false, collapsibleExplanationText: "Plus" }, null],
    [{ collapsibleExplanationEnabled: true, collapsibleExplanationText: "" }, null],
    [{ collapsibleExplanationEnabled: true }, null],
  ])("folds the text of %j as %j", (options, expected) => {
    expect(collapsibleText(options)).toBe(expected);
  });

  it("has no value: never blank-invalid, never shown, never prefilled", () => {
    const options = explication.defaultOptions("fr");
    expect(explication.hasValue).toBe(false);
    expect(explication.parseFormInput("texte", options)).toBeNull();
    expect(
      explication.validateForSubmit(null, {
        stableId: 1,
        type: "explication",
        libelle: "À lire",
        description: null,
        mandatory: true,
        options,
      }),
    ).toBeNull();
    expect(explication.isBlank(null)).toBe(true);
    expect(explication.displayValue(null, options, "fr")).toBe("");
    expect(explication.stringValue(null)).toBeNull();
    expect(explication.prefill("x", options)).toBeNull();
  });
});
