import { describe, expect, it } from "vitest";
import type { ChampDescriptor } from "../champs/definition";
import { validateChampsForSubmit } from "../champs/validate-dossier";
import { champValue, constant, eq } from "../conditions/ast";
import { annotationVisibilityTree, formValuesOf, incompleteAnnotations, keysOfForm, optionalFields } from "./annotations";
import { buildFormTree } from "./tree";
import { hiddenKeys } from "./visibility";

const field = (
  stableId: number,
  type: ChampDescriptor["type"],
  extra: Partial<ChampDescriptor & { parentStableId: number | null }> = {},
) => ({
  stableId,
  type,
  libelle: `Champ ${stableId}`,
  description: null,
  mandatory: true,
  options: {},
  parentStableId: null as number | null,
  ...extra,
});

// Public form: 1 yes_no. Annotations: 10 integer, 11 text shown when 1 (public) is yes, 12 block with 13 (date).
const publicTree = buildFormTree([field(1, "yes_no")]);
const privateTree = buildFormTree([
  field(10, "integer_number"),
  field(11, "text", { condition: eq(champValue(1), constant(true)) }),
  field(12, "repetition"),
  field(13, "date", { parentStableId: 12 }),
]);
const values = (entries: Record<string, unknown>) => new Map<string, unknown>(Object.entries(entries));

describe("optionalFields", () => {
  it("makes every field and block child optional, keeping the rest", () => {
    const optional = optionalFields(privateTree);
    expect(optional.map((f) => f.mandatory)).toEqual([false, false, false]);
    expect(optional[2]?.children?.map((f) => [f.stableId, f.mandatory, f.type])).toEqual([[13, false, "date"]]);
    expect(privateTree[0]?.mandatory).toBe(true);
  });

  it.each([
    ["blank annotations pass", { "10": null, "12": ["r1"], "13|r1": null }, []],
    ["a wrong type is refused", { "10": "douze" }, [["10", "invalid_integer"]]],
    ["an impossible date in a row is refused", { "12": ["r1"], "13|r1": "2026-02-30" }, [["13|r1", "invalid_date"]]],
  ])("validation on save: %s", (_, entries, expected) => {
    const all = values({ "1": "true", ...entries });
    const hidden = hiddenKeys(annotationVisibilityTree(publicTree, privateTree), all);
    const issues = validateChampsForSubmit(optionalFields(privateTree), all, hidden);
    expect(issues.map((i) => [i.key, i.error.code])).toEqual(expected);
  });
});

describe("visibility of annotations", () => {
  it.each([
    ["true", false],
    ["false", true],
    [null, true],
  ])("a condition on the usager's yes/no (%s) hides the annotation: %s", (answer, hidden) => {
    const keys = hiddenKeys(annotationVisibilityTree(publicTree, privateTree), values({ "1": answer, "11": "x" }));
    expect(keysOfForm(privateTree, keys).includes("11")).toBe(hidden);
  });
});

describe("formValuesOf and keysOfForm", () => {
  const all = values({ "1": "true", "10": "4", "12": ["r1"], "13|r1": "2026-01-02", "13|gone": "2026-01-03", "99": "x" });

  it("keeps only the values of the form's occurrences", () => {
    expect(Object.fromEntries(formValuesOf(privateTree, all))).toEqual({ "10": "4", "12": ["r1"], "13|r1": "2026-01-02" });
    expect(Object.fromEntries(formValuesOf(publicTree, all))).toEqual({ "1": "true" });
  });

  it("keeps only the keys of the form's fields", () => {
    expect(keysOfForm(privateTree, ["1", "11", "13|r1", "99", "nonsense"])).toEqual(["11", "13|r1"]);
  });
});

describe("incompleteAnnotations (before a final decision)", () => {
  it.each([
    ["all filled", { "1": "true", "10": "3", "11": "ok", "12": ["r1"], "13|r1": "2026-01-02" }, []],
    [
      "a blank mandatory annotation blocks",
      { "1": "true", "10": null, "11": "ok", "12": ["r1"], "13|r1": "2026-01-02" },
      ["Champ 10"],
    ],
    ["a hidden mandatory annotation does not", { "1": "false", "10": "3", "11": null, "12": ["r1"], "13|r1": "2026-01-02" }, []],
    [
      "a blank child in one row blocks, named once",
      { "1": "false", "10": "3", "12": ["r1", "r2"], "13|r1": null, "13|r2": null },
      ["Champ 13"],
    ],
    ["an invalid value blocks", { "1": "false", "10": "douze", "12": ["r1"], "13|r1": "2026-01-02" }, ["Champ 10"]],
  ])("%s", (_, entries, expected) => {
    expect(incompleteAnnotations(publicTree, privateTree, values(entries))).toEqual(expected);
  });
});
