import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import {
  type LinkedDropDownListOptions,
  linkedDropDownList,
  linkedLinesOf,
  parseLinkedLines,
  secondaryOptionValue,
} from "./linked_drop_down_list";

const options: LinkedDropDownListOptions = {
  options: [
    { primary: "Fruits", secondaries: ["Pomme", "Poire"] },
    { primary: "Légumes", secondaries: ["Poireau", "Autre"] },
    { primary: "Rien", secondaries: [] },
  ],
};

describe("linked_drop_down_list options", () => {
  it("reads the reference's --Primary-- syntax, skipping blank lines", () => {
    expect(parseLinkedLines(["--Fruits--", " Pomme ", "", "Poire", "--Légumes--", "Poireau", "--Rien--"])).toEqual({
      ok: true,
      tree: [
        { primary: "Fruits", secondaries: ["Pomme", "Poire"] },
        { primary: "Légumes", secondaries: ["Poireau"] },
        { primary: "Rien", secondaries: [] },
      ],
    });
    expect(linkedLinesOf(options.options)).toEqual([
      "--Fruits--",
      "Pomme",
      "Poire",
      "--Légumes--",
      "Poireau",
      "Autre",
      "--Rien--",
    ]);
  });

  it.each([
    [[], "empty"],
    [["", " "], "empty"],
    [["Pomme", "--Fruits--"], "first_not_primary"],
    [["--Fruits--", "----"], "primary_blank"],
  ])("refuses lines %j (%s)", (lines, error) => {
    const result = parseLinkedLines(lines);
    expect(result.ok ? null : result.error).toBe(error);
  });

  it("accepts its defaults and strips unknown keys", () => {
    for (const locale of ["fr", "en"] as const) {
      const defaults = linkedDropDownList.defaultOptions(locale);
      expect(linkedDropDownList.optionsSchema.parse(defaults)).toEqual(defaults);
    }
    expect(linkedDropDownList.optionsSchema.parse({ ...options, legacy: true })).toEqual(options);
  });

  it.each([
    ["no primary", { options: [] }],
    [
      "duplicate primary",
      {
        options: [
          { primary: "A", secondaries: [] },
          { primary: " A ", secondaries: [] },
        ],
      },
    ],
    ["duplicate secondary", { options: [{ primary: "A", secondaries: ["x", "x"] }] }],
    ["blank primary", { options: [{ primary: "", secondaries: [] }] }],
    ["too many", { options: [{ primary: "A", secondaries: Array.from({ length: 5000 }, (_, i) => `s${i}`) }] }],
  ] as [string, unknown][])("rejects options with %s", (_name, raw) => {
    expect(linkedDropDownList.optionsSchema.safeParse(raw).success).toBe(false);
  });
});

describe("linked_drop_down_list values", () => {
  const part = (secondary: string | undefined) => (suffix: string) => (suffix === "secondary" ? secondary : undefined);

  it.each([
    ["Fruits", secondaryOptionValue("Fruits", "Poire"), { primary: "Fruits", secondary: "Poire" }],
    ["", secondaryOptionValue("Fruits", "Poire"), { primary: "Fruits", secondary: "Poire" }], // no JS: the secondary brings its primary
    ["Légumes", secondaryOptionValue("Fruits", "Poire"), { primary: "Légumes", secondary: "Poire" }], // kept: submission reports it
    ["Fruits", "Pomme", { primary: "Fruits", secondary: "Pomme" }], // plain text from other clients
    ["Fruits", undefined, { primary: "Fruits", secondary: "" }],
    [" Rien ", "", { primary: "Rien", secondary: "" }],
    ["", "", null],
    [undefined, undefined, null],
  ] as const)("parses primary %j and secondary %j", (primary, secondary, expected) => {
    expect(linkedDropDownList.parseFormInput(primary, options, part(secondary))).toEqual(expected);
  });

  it.each([
    [{ primary: "Fruits", secondary: "Poire" }, true, null],
    [{ primary: "Rien", secondary: "" }, true, null],
    [{ primary: "Fruits", secondary: "" }, true, "linked_secondary_required"],
    [{ primary: "Fruits", secondary: "" }, false, null],
    [{ primary: "Fruits", secondary: "Poireau" }, true, "linked_secondary_mismatch"],
    [{ primary: "Céréales", secondary: "" }, false, "invalid_option"],
    [{ primary: "", secondary: "Poire" }, false, "invalid_option"],
    [null, true, "required"],
    [null, false, null],
  ] as const)("validates %j (mandatory: %s) as %s", (value, mandatory, code) => {
    const descriptor = typed("linked_drop_down_list", options, { mandatory });
    expect(linkedDropDownList.validateForSubmit(value, descriptor)?.code ?? null).toBe(code);
  });

  it("displays « primary / secondary » and is not prefillable", () => {
    expect(linkedDropDownList.displayValue({ primary: "Fruits", secondary: "Poire" }, options, "fr")).toBe("Fruits / Poire");
    expect(linkedDropDownList.displayValue({ primary: "Rien", secondary: "" }, options, "fr")).toBe("Rien");
    expect(linkedDropDownList.stringValue({ primary: "Fruits", secondary: "Poire" })).toBe("Fruits / Poire");
    expect(linkedDropDownList.stringValue({ primary: "", secondary: "" })).toBeNull();
    expect(linkedDropDownList.isBlank({ primary: "", secondary: " " })).toBe(true);
    expect(linkedDropDownList.prefill("Fruits", options)).toBeNull();
    expect(linkedDropDownList.valueSchema.safeParse({ primary: "A" }).success).toBe(false);
  });
});
