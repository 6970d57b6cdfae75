import { describe, expect, it } from "vitest";
import type { ChampDescriptor } from "../champs/definition";
import { hiddenValuesToClear, parseDraftValues, validateChampsForSubmit } from "../champs/validate-dossier";
import { champValue, constant, eq, greaterThan, readStoredCondition } from "../conditions/ast";
import { isIneligible } from "./ineligibility";
import { champKey, newRowId, parseChampKey } from "./keys";
import { applyRowIntent, parseRowIntent } from "./row-intent";
import { buildFormTree, fieldInstances } from "./tree";
import { hiddenKeys } from "./visibility";

const field = (stableId: number, type: ChampDescriptor["type"], extra: Partial<ChampDescriptor> = {}): ChampDescriptor => ({
  stableId,
  type,
  libelle: `Champ ${stableId}`,
  description: null,
  mandatory: true,
  options: type === "drop_down_list" ? { options: ["A", "B"], other: false } : {},
  ...extra,
});

// 1 yes_no; 2 text shown if 1 is yes; 3 block with 4 (integer) and 5 (text shown if 4 > 10, same row).
const tree = buildFormTree([
  { ...field(1, "yes_no"), parentStableId: null },
  { ...field(2, "text", { condition: eq(champValue(1), constant(true)) }), parentStableId: null },
  { ...field(3, "repetition"), parentStableId: null },
  { ...field(4, "integer_number"), parentStableId: 3 },
  { ...field(5, "text", { condition: greaterThan(champValue(4), constant(10)) }), parentStableId: 3 },
]);

const values = (entries: Record<string, unknown>) => new Map<string, unknown>(Object.entries(entries));

describe("keys", () => {
  it.each([
    ["12", { stableId: 12, rowId: "" }],
    ["12|k3f9a", { stableId: 12, rowId: "k3f9a" }],
    ["12|K3F9A", null],
    ["x|a", null],
    ["1|a|b", null],
    ["", null],
  ])("parses %s", (key, expected) => expect(parseChampKey(key)).toEqual(expected));

  it("round-trips and makes distinct row ids", () => {
    expect(parseChampKey(champKey(7, "ab12"))).toEqual({ stableId: 7, rowId: "ab12" });
    const ids = new Set(Array.from({ length: 200 }, () => newRowId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{10}$/);
  });
});

describe("buildFormTree and fieldInstances", () => {
  it("nests children and expands rows in order", () => {
    expect(tree.map((f) => f.stableId)).toEqual([1, 2, 3]);
    expect(tree[2]?.children?.map((f) => f.stableId)).toEqual([4, 5]);
    const keys = fieldInstances(tree, values({ "3": ["r1", "r2"] })).map((i) => i.key);
    expect(keys).toEqual(["1", "2", "3", "4|r1", "5|r1", "4|r2", "5|r2"]);
  });

  it("ignores malformed row lists", () => {
    expect(fieldInstances(tree, values({ "3": "r1" })).map((i) => i.key)).toEqual(["1", "2", "3"]);
  });
});

describe("hiddenKeys", () => {
  it("hides a field whose condition is false or reads an empty field", () => {
    expect(hiddenKeys(tree, values({}))).toEqual(new Set(["2"]));
    expect(hiddenKeys(tree, values({ "1": "false" }))).toEqual(new Set(["2"]));
    expect(hiddenKeys(tree, values({ "1": "true" }))).toEqual(new Set());
  });

  it("evaluates children against their own row", () => {
    const hidden = hiddenKeys(tree, values({ "1": "true", "3": ["r1", "r2"], "4|r1": "42", "4|r2": "3" }));
    expect(hidden).toEqual(new Set(["5|r2"]));
  });

  it("hides the children of a hidden block", () => {
    const guarded = buildFormTree([
      { ...field(1, "yes_no"), parentStableId: null },
      { ...field(3, "repetition", { condition: eq(champValue(1), constant(true)) }), parentStableId: null },
      { ...field(4, "integer_number"), parentStableId: 3 },
    ]);
    expect(hiddenKeys(guarded, values({ "1": "false", "3": ["r1"] }))).toEqual(new Set(["3", "4|r1"]));
  });

  it("treats a hidden field as empty for the conditions below it", () => {
    const chain = buildFormTree([
      { ...field(1, "yes_no"), parentStableId: null },
      { ...field(2, "yes_no", { condition: eq(champValue(1), constant(true)) }), parentStableId: null },
      { ...field(3, "text", { condition: eq(champValue(2), constant(true)) }), parentStableId: null },
    ]);
    // 2 still holds "true" but is hidden, so 3 is hidden too.
    expect(hiddenKeys(chain, values({ "1": "false", "2": "true" }))).toEqual(new Set(["2", "3"]));
  });

  it("shows a field whose stored condition cannot be read (read as null)", () => {
    const broken = [field(1, "text", { condition: readStoredCondition({ term: "Logic::Nope" }).condition })];
    expect(hiddenKeys(broken, values({}))).toEqual(new Set());
  });
});

describe("validateChampsForSubmit with conditions and rows", () => {
  it("skips hidden fields and validates every row", () => {
    const stored = values({ "1": "false", "3": ["r1", "r2"], "4|r1": "12", "4|r2": "douze" });
    const issues = validateChampsForSubmit(tree, stored);
    expect(issues.map((i) => [i.key, i.error.code])).toEqual([
      ["5|r1", "required"],
      ["4|r2", "invalid_integer"],
    ]);
  });

  it("requires a row in a mandatory block", () => {
    const issues = validateChampsForSubmit(tree, values({ "1": "false", "3": [] }));
    expect(issues.map((i) => [i.key, i.error.code])).toEqual([["3", "required"]]);
  });
});

describe("parseDraftValues with rows", () => {
  it("reads children of the stored rows when the block's rows are not posted", () => {
    const form: Record<string, string> = { "champ_4|r1": "5", "champ_4|zz": "9", champ_1: "true" };
    const parsed = parseDraftValues(tree, (name) => form[name], values({ "3": ["r1"] }));
    expect(Object.fromEntries(parsed)).toEqual({ "1": "true", "4|r1": "5" });
  });

  it("takes the posted rows of a block (an empty marker first), ignoring malformed ids", () => {
    const form: Record<string, string | string[]> = {
      champ_3: ["", "r2", "BAD ID", "r2"],
      "champ_4|r1": "5",
      "champ_4|r2": "6",
    };
    const parsed = parseDraftValues(tree, (name) => form[name], values({ "3": ["r1"] }));
    expect(Object.fromEntries(parsed)).toEqual({ "3": ["r2"], "4|r2": "6" });
    const none = parseDraftValues(tree, (name) => ({ champ_3: "" })[name], values({ "3": ["r1"] }));
    expect(Object.fromEntries(none)).toEqual({ "3": [] });
  });

  it("reads companion inputs of multi-control fields through the part reader", () => {
    const form: Record<string, string> = { champ_2: "x", champ_2__extra: "y" };
    const seen: string[] = [];
    parseDraftValues([field(2, "text")], (name) => {
      seen.push(name);
      return form[name];
    });
    expect(seen).toEqual(["champ_2"]);
  });
});

describe("hiddenValuesToClear", () => {
  it("clears hidden values, and a hidden block's rows and children", () => {
    const guarded = buildFormTree([
      { ...field(1, "yes_no"), parentStableId: null },
      { ...field(2, "text", { condition: eq(champValue(1), constant(true)) }), parentStableId: null },
      { ...field(3, "repetition", { condition: eq(champValue(1), constant(true)) }), parentStableId: null },
      { ...field(4, "integer_number"), parentStableId: 3 },
    ]);
    const stored = values({ "1": "false", "2": "gardé ?", "3": ["r1"], "4|r1": "7" });
    const cleared = hiddenValuesToClear(guarded, stored, hiddenKeys(guarded, stored));
    expect(Object.fromEntries(cleared)).toEqual({ "2": null, "3": null, "4|r1": null });
  });
});

describe("isIneligible", () => {
  const rules = { enabled: true, message: "Réservé aux associations", rules: eq(champValue(1), constant(false)) };

  it.each([
    [{ "1": "false" }, true],
    [{ "1": "true" }, false],
    [{}, false],
  ])("with %j → %s", (entries, expected) => {
    const stored = values(entries);
    expect(isIneligible(rules, tree, stored, hiddenKeys(tree, stored))).toBe(expected);
  });

  it("is never ineligible when disabled or unreadable", () => {
    const stored = values({ "1": "false" });
    expect(isIneligible({ ...rules, enabled: false }, tree, stored, new Set())).toBe(false);
    expect(isIneligible({ ...rules, rules: { term: "?" } }, tree, stored, new Set())).toBe(false);
    expect(isIneligible(null, tree, stored, new Set())).toBe(false);
  });
});

describe("row intents", () => {
  it.each([
    ["row-add:3", { kind: "add", stableId: 3 }],
    ["row-remove:3|r1", { kind: "remove", stableId: 3, rowId: "r1" }],
    ["row-add:3|r1", null],
    ["row-remove:3", null],
    ["row-add:abc", null],
    ["save", null],
  ])("parses %s", (intent, expected) => expect(parseRowIntent(intent)).toEqual(expected));

  it("adds a row to the posted rows, keeping the other inputs", () => {
    const form: Record<string, string | string[]> = { champ_3: ["", "r1"], "champ_4|r1": "5" };
    const applied = applyRowIntent({ kind: "add", stableId: 3 }, tree, (n) => form[n], values({}));
    expect(applied?.addedRowId).toMatch(/^[a-z0-9]{10}$/);
    expect(applied?.field("champ_3")).toEqual(["", "r1", applied?.addedRowId]);
    expect(applied?.field("champ_4|r1")).toBe("5");
  });

  it("removes a row, from the stored rows when the block's rows are not posted", () => {
    const applied = applyRowIntent(
      { kind: "remove", stableId: 3, rowId: "r1" },
      tree,
      () => undefined,
      values({ "3": ["r1", "r2"] }),
    );
    expect(applied?.field("champ_3")).toEqual(["", "r2"]);
    expect(applied?.addedRowId).toBeNull();
  });

  it("ignores an intent on a field that is not a block of this form", () => {
    expect(applyRowIntent({ kind: "add", stableId: 1 }, tree, () => undefined, values({}))).toBeNull();
    expect(applyRowIntent({ kind: "add", stableId: 99 }, tree, () => undefined, values({}))).toBeNull();
  });
});
