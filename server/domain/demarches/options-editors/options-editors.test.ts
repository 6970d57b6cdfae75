import { describe, expect, it } from "vitest";
import { getTypeDeChamp } from "../../champs/registry";
import type { TypeChamp } from "../../champs/definition";
import { champOptionsFromEditor, editorOptionsOf } from "../champ-editor-form";
import { optionsFromCsv } from "./csv-import";
import { OPTIONS_EDITORS } from "./index";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every saved result must be accepted by the type itself, and read back to the same editor values. */
function roundTrip(type: TypeChamp, values: Record<string, string | boolean>) {
  const result = champOptionsFromEditor(type, values);
  if (!result.ok) throw new Error(`${type}: ${JSON.stringify(result.error)}`);
  expect(getTypeDeChamp(type).optionsSchema.safeParse(result.options).success).toBe(true);
  const again = champOptionsFromEditor(type, editorOptionsOf(type, result.options));
  expect(again).toEqual(result);
  return result.options;
}

const formatted = {
  formattedMode: "simple",
  lettersAccepted: true,
  numbersAccepted: true,
  specialCharactersAccepted: true,
  minLength: "",
  maxLength: "",
  regex: "",
  regexExample: "",
  regexIndications: "",
  regexErrorMessage: "",
};

describe("options editors", () => {
  it("give every type with editable options editor values its own schema accepts once saved", () => {
    for (const type of (Object.keys(OPTIONS_EDITORS) as TypeChamp[]).filter((t) => OPTIONS_EDITORS[t] !== null)) {
      const defaults = getTypeDeChamp(type).defaultOptions("fr") as Record<string, unknown>;
      roundTrip(type, editorOptionsOf(type, defaults) as Record<string, string | boolean>);
    }
  });

  it.each([
    [
      { ...formatted, lettersAccepted: false, numbersAccepted: false, specialCharactersAccepted: false },
      "lettersAccepted",
      "no_character_kind",
    ],
    [{ ...formatted, minLength: "6", maxLength: "5" }, "minLength", "length_min_over_max"],
    [{ ...formatted, maxLength: "1001" }, "maxLength", "length_invalid"],
    [{ ...formatted, minLength: "deux" }, "minLength", "length_invalid"],
    [{ ...formatted, formattedMode: "expert" }, "formattedMode", "formatted_mode_invalid"],
    [{ ...formatted, formattedMode: "advanced" }, "regex", "regex_required"],
    [{ ...formatted, formattedMode: "advanced", regex: "^(?<=a)b" }, "regex", "regex_unsupported"],
    [{ ...formatted, formattedMode: "advanced", regex: "(a" }, "regex", "regex_invalid"],
    [{ ...formatted, formattedMode: "advanced", regex: "a".repeat(501) }, "regex", "regex_too_long"],
    [{ ...formatted, formattedMode: "advanced", regex: "^\\d+$" }, "regexExample", "regex_example_required"],
    [{ ...formatted, formattedMode: "advanced", regex: "^\\d+$", regexExample: "x" }, "regexExample", "regex_example_mismatch"],
    [{ ...formatted, regexErrorMessage: "x".repeat(501) }, "regexErrorMessage", "text_too_long"],
  ])("formatted refuses %j on %s (%s)", (values, field, key) => {
    const result = champOptionsFromEditor("formatted", values);
    expect(result.ok ? null : result.error).toMatchObject({ field, key });
  });

  it("formatted keeps both modes' rules and checks only the chosen one", () => {
    const options = roundTrip("formatted", {
      ...formatted,
      formattedMode: "advanced",
      regex: "^[0-9]{4}[A-Z]$",
      regexExample: " 6201Z ",
      minLength: "9",
      maxLength: "2", // incoherent, but not the chosen mode's rule
    });
    expect(options).toEqual({
      mode: "advanced",
      lettersAccepted: true,
      numbersAccepted: true,
      specialCharactersAccepted: true,
      minCharacterLength: 9,
      maxCharacterLength: 2,
      expressionReguliere: "^[0-9]{4}[A-Z]$",
      expressionReguliereExempleText: "6201Z",
    });
  });

  it.each([
    ["", "options_empty", undefined],
    ["Pomme\n--Fruits--", "linked_first_not_primary", { line: 1 }],
    ["\n--Fruits--\n----", "linked_primary_blank", { line: 3 }],
    ["--A--\nx\n--A--", "option_duplicate", { option: "A" }],
    ["--A--\nx\nx", "linked_secondary_duplicate", { option: "x", primary: "A" }],
    ["--A--\n__other__", "option_reserved", { option: "__other__" }],
  ])("linked options %j are refused as %s", (text, key, params) => {
    const result = champOptionsFromEditor("linked_drop_down_list", {
      linkedOptions: text,
      secondaryLibelle: "",
      secondaryDescription: "",
    });
    expect(result.ok ? null : result.error).toEqual({ field: "linkedOptions", key, params });
  });

  it("reads number bounds as the usager types numbers", () => {
    expect(roundTrip("integer_number", { positiveNumber: false, minNumber: "1 000", maxNumber: "" })).toEqual({
      minNumber: 1000,
    });
    expect(roundTrip("decimal_number", { positiveNumber: true, minNumber: "", maxNumber: "12,5" })).toEqual({
      positiveNumber: true,
      maxNumber: 12.5,
    });
    expect(champOptionsFromEditor("integer_number", { positiveNumber: false, minNumber: "2,5", maxNumber: "" })).toMatchObject({
      ok: false,
      error: { field: "minNumber", key: "integer_invalid" },
    });
    expect(champOptionsFromEditor("decimal_number", { positiveNumber: false, minNumber: "3", maxNumber: "2" })).toMatchObject({
      ok: false,
      error: { field: "minNumber", key: "number_min_over_max" },
    });
  });

  it("reads date bounds from the date picker or typed by hand", () => {
    expect(roundTrip("date", { dateInPast: false, startDate: "15/03/2024", endDate: "2024-12-31" })).toEqual({
      startDate: "2024-03-15",
      endDate: "2024-12-31",
    });
    expect(roundTrip("datetime", { dateInPast: true, startDate: "", endDate: "" })).toEqual({ dateInPast: true });
    expect(champOptionsFromEditor("date", { dateInPast: false, startDate: "2024-12-31", endDate: "2024-01-01" })).toMatchObject({
      ok: false,
      error: { field: "startDate", key: "date_start_after_end" },
    });
    expect(champOptionsFromEditor("date", { dateInPast: false, startDate: "", endDate: "31/02/2024" })).toMatchObject({
      ok: false,
      error: { field: "endDate", key: "date_invalid" },
    });
  });

  it("needs the folded text when the explication's disclosure is on", () => {
    expect(champOptionsFromEditor("explication", { collapsibleEnabled: true, collapsibleText: " " })).toMatchObject({
      ok: false,
      error: { field: "collapsibleText", key: "collapsible_text_required" },
    });
    expect(roundTrip("explication", { collapsibleEnabled: false, collapsibleText: "Gardé pour plus tard" })).toEqual({
      collapsibleExplanationEnabled: false,
      collapsibleExplanationText: "Gardé pour plus tard",
    });
  });
});

describe("optionsFromCsv", () => {
  it("replaces only the list and keeps the other options", () => {
    expect(optionsFromCsv("drop_down_list", { options: ["A"], other: true }, utf8("B\nC"))).toEqual({
      ok: true,
      options: { options: ["B", "C"], other: true },
      count: 2,
    });
    expect(
      optionsFromCsv(
        "linked_drop_down_list",
        { options: [{ primary: "A", secondaries: [] }], secondaryLibelle: "Précisez" },
        utf8("X;y"),
      ),
    ).toEqual({ ok: true, options: { options: [{ primary: "X", secondaries: ["y"] }], secondaryLibelle: "Précisez" }, count: 2 });
  });

  it.each([
    ["text", "A", "csv_not_supported"],
    ["drop_down_list", "A\n__other__", "option_reserved"],
    ["linked_drop_down_list", "Pomme\n--Fruits--", "linked_first_not_primary"],
  ] as const)("reports a %s file the editor refuses on the file input", (type, text, key) => {
    const result = optionsFromCsv(type, {}, utf8(text));
    expect(result.ok ? null : result.error).toMatchObject({ field: "csvFile", key });
  });
});
