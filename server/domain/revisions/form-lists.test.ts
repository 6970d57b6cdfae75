import { describe, expect, it } from "vitest";
import type { TypeChamp } from "../champs/definition";
import { TYPES_CHAMP } from "../champs/definition";
import { defaultOptionsFor } from "../champs/registry";
import { type FieldListProblem, type FormList, fieldListProblems, isTypeOfferedIn, publicationBlocker } from "./form-lists";

let nextId = 1;
function field(
  type: TypeChamp,
  extra: { libelle?: string; options?: Record<string, unknown>; parentStableId?: number | null } = {},
) {
  return {
    stableId: nextId++,
    type,
    libelle: extra.libelle ?? "Libellé",
    options: extra.options ?? defaultOptionsFor(type),
    parentStableId: extra.parentStableId ?? null,
  };
}

describe("isTypeOfferedIn", () => {
  it("offers every type in the usager's form", () => {
    expect(TYPES_CHAMP.filter((type) => !isTypeOfferedIn(type, "champs"))).toEqual([]);
  });

  it("offers every type but the identity document in the annotations privées", () => {
    expect(TYPES_CHAMP.filter((type) => !isTypeOfferedIn(type, "annotations"))).toEqual(["titre_identite"]);
  });
});

describe("fieldListProblems", () => {
  const block = field("repetition");
  const cases: Array<[string, ReturnType<typeof field>[], FormList, FieldListProblem[]]> = [
    [
      "valid fields",
      [field("text"), field("drop_down_list"), block, field("text", { parentStableId: block.stableId })],
      "champs",
      [],
    ],
    ["a blank libellé", [field("text", { libelle: "  " })], "champs", ["invalid"]],
    [
      "a drop-down list without options",
      [field("drop_down_list", { options: { options: [], other: false } })],
      "annotations",
      ["invalid"],
    ],
    [
      "a formatted field whose example does not match its regex",
      [
        field("formatted", {
          options: { mode: "advanced", expressionReguliere: "^[0-9]{5}$", expressionReguliereExempleText: "abc" },
        }),
      ],
      "champs",
      ["invalid"],
    ],
    ["a block without fields", [field("repetition")], "annotations", ["block_empty"]],
    ["an identity document in the usager's form", [field("titre_identite")], "champs", []],
    ["an identity document among the annotations", [field("titre_identite")], "annotations", ["type_not_offered"]],
    [
      "several problems, once each, in a fixed order",
      [field("titre_identite"), field("repetition"), field("text", { libelle: "" }), field("text", { libelle: "" })],
      "annotations",
      ["invalid", "block_empty", "type_not_offered"],
    ],
  ];
  it.each(cases)("%s", (_label, fields, list, expected) => {
    expect(fieldListProblems(fields, list)).toEqual(expected);
  });
});

describe("publicationBlocker", () => {
  it.each([
    ["champs", "invalid", "champ_invalid"],
    ["champs", "condition_invalid", "condition_invalid"],
    ["champs", "block_empty", "block_empty"],
    ["annotations", "invalid", "annotation_invalid"],
    ["annotations", "block_empty", "annotation_block_empty"],
    ["annotations", "type_not_offered", "annotation_type_not_offered"],
    ["annotations", "condition_invalid", "annotation_condition_invalid"],
  ] as const)("%s / %s → %s", (list, problem, key) => {
    expect(publicationBlocker(list, problem)).toBe(key);
  });
});
