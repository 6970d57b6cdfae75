import { describe, expect, it } from "vitest";
import { TYPES_CHAMP, type ChampDescriptor, type JsonValue } from "../champs/definition";
import { getTypeDeChamp, resolveOptions } from "../champs/registry";
import { readChampValue } from "../champs/validate-dossier";
import { castChampValue, compatibleTargets, isCompatibleTypeChange, readableStoredValue } from "./type-compatibility";

describe("isCompatibleTypeChange", () => {
  it.each([
    ["text", "text", true],
    ["text", "textarea", true],
    ["textarea", "text", true],
    ["integer_number", "decimal_number", true],
    ["decimal_number", "integer_number", true],
    ["drop_down_list", "multiple_drop_down_list", true],
    ["multiple_drop_down_list", "drop_down_list", true],
    ["checkbox", "yes_no", true],
    ["yes_no", "checkbox", true],
    ["email", "text", true],
    ["date", "datetime", true],
    ["text", "integer_number", false],
    ["text", "date", false],
    ["text", "email", false],
    ["yes_no", "text", false],
    ["integer_number", "date", false],
    ["drop_down_list", "yes_no", false],
    ["unknown_type", "text", false],
  ])("%s → %s: %s", (from, to, expected) => {
    expect(isCompatibleTypeChange(from, to)).toBe(expected);
  });

  it("lists the targets of a type", () => {
    expect(compatibleTargets("text").sort()).toEqual(["textarea"]);
    expect(compatibleTargets("header_section")).toEqual([]);
  });
});

describe("castChampValue", () => {
  it.each<[string, string, JsonValue, JsonValue | null]>([
    ["text", "textarea", "Bonjour", "Bonjour"],
    ["integer_number", "decimal_number", "12", "12"],
    ["decimal_number", "integer_number", "12", "12"],
    ["decimal_number", "integer_number", "12.000", "12"],
    ["decimal_number", "integer_number", "12.5", null],
    ["drop_down_list", "multiple_drop_down_list", "Rouge", ["Rouge"]],
    ["multiple_drop_down_list", "drop_down_list", ["Rouge"], "Rouge"],
    ["multiple_drop_down_list", "drop_down_list", ["Rouge", "Vert"], null],
    ["multiple_drop_down_list", "text", ["Rouge", "Vert"], "Rouge, Vert"],
    ["checkbox", "yes_no", "true", "true"],
    ["yes_no", "checkbox", "false", "false"],
    ["date", "datetime", "2024-03-01", "2024-03-01T00:00"],
    ["datetime", "date", "2024-03-01T14:30", "2024-03-01"],
    ["text", "integer_number", "douze", null],
    ["text", "date", "hier", null],
    // Same type: checked against the value schema all the same.
    ["yes_no", "yes_no", "peut-être", null],
    ["text", "text", "texte", "texte"],
    ["header_section", "header_section", "x", null],
  ])("%s → %s: %j gives %j", (from, to, value, expected) => {
    const result = castChampValue(from, to, value);
    expect(result.ok ? result.value : null).toEqual(expected);
  });
});

describe("readableStoredValue", () => {
  it.each<[string, string, unknown, JsonValue | null]>([
    ["text", "text", "abc", "abc"],
    ["textarea", "text", "abc", "abc"],
    ["integer_number", "text", "douze", null],
    ["date", "text", "hier", null],
    ["text", "text", null, null],
    ["text", "text", undefined, null],
    ["multiple_drop_down_list", "drop_down_list", "A", ["A"]],
  ])("a %s field reading a value stored as %s (%j) gets %j", (fieldType, storedType, value, expected) => {
    expect(readableStoredValue(fieldType, storedType, value)).toEqual(expected);
  });
});

/** Values every type may have stored, read back under every other type. */
const STORED_SAMPLES: unknown[] = [
  "texte libre",
  "",
  "12",
  "-3.25",
  "2024-02-30",
  "2024-01-02T10:00",
  "true",
  "M.",
  "FR7630006000011234567890189",
  "73282932000074",
  "+33 6 12 34 56 78",
  ["Rouge", "Vert"],
  [],
  12,
  true,
  { unexpected: "shape" },
];

describe("reading a value stored under another type", () => {
  it("never throws, and shows either a value of the new type or nothing", () => {
    for (const type of TYPES_CHAMP) {
      const definition = getTypeDeChamp(type);
      const descriptor: ChampDescriptor = {
        stableId: 1,
        type,
        libelle: "Champ",
        description: null,
        mandatory: false,
        options: definition.defaultOptions("fr") as Record<string, unknown>,
      };
      const resolved = resolveOptions(descriptor);
      const options = resolved.ok ? resolved.options : definition.defaultOptions("fr");
      for (const raw of STORED_SAMPLES) {
        const read = readChampValue(descriptor, raw);
        const value = read.ok ? read.value : null;
        if (!definition.hasValue) continue;
        expect(() => definition.displayValue(value, options, "fr")).not.toThrow();
        expect(() => definition.stringValue(value)).not.toThrow();
        expect(typeof definition.displayValue(value, options, "fr")).toBe("string");
        if (!read.ok) expect(definition.displayValue(null, options, "fr")).toBe("");
      }
    }
  });
});
