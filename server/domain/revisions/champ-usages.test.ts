import { describe, expect, it } from "vitest";
import { and, champValue, constant, eq, greaterThan, includes, readStoredCondition } from "../conditions/ast";
import { availableChampOf, champUsages, type GuardedField, usagesBrokenByTypeChange, type UsageContext } from "./champ-usages";

function field(stableId: number, type: string, overrides: Partial<GuardedField> = {}): GuardedField {
  return { stableId, type, libelle: `Champ ${stableId}`, options: {}, condition: null, ...overrides };
}

const yesNo = field(1, "yes_no", { libelle: "Marié" });
const amount = field(2, "integer_number", { libelle: "Montant" });
const color = field(3, "drop_down_list", { libelle: "Couleur", options: { options: ["Rouge", "Vert"], other: false } });
const spouse = field(4, "text", { libelle: "Conjoint", condition: eq(champValue(1), constant(true)) });
const bonus = field(5, "text", {
  libelle: "Prime",
  condition: and(greaterThan(champValue(2), constant(100)), eq(champValue(3), constant("Rouge"))),
});
const context: UsageContext = {
  fields: [yesNo, amount, color, spouse, bonus],
  ineligibiliteRules: eq(champValue(3), constant("Vert")),
  routingRules: [{ label: "Groupe Nord", rule: greaterThan(champValue(2), constant(5)) }],
};

const describeUsage = (u: ReturnType<typeof champUsages>[number]) =>
  u.kind === "condition" ? `condition of ${u.libelle}` : u.kind === "routing" ? `routing ${u.label}` : "ineligibilite";

describe("champUsages", () => {
  it.each<[string, number[], string[]]>([
    ["used by one condition", [1], ["condition of Conjoint"]],
    ["used by a condition and routing", [2], ["condition of Prime", "routing Groupe Nord"]],
    ["used by a condition and the ineligibility rules", [3], ["condition of Prime", "ineligibilite"]],
    ["not used", [4], []],
    ["a field's own condition is not a use", [1, 4], []],
  ])("%s", (_name, targets, expected) => {
    expect(champUsages(new Set(targets), context).map(describeUsage)).toEqual(expected);
  });

  it("ignores stored rules that are not conditions", () => {
    const broken = {
      fields: [field(6, "text", { condition: readStoredCondition({ term: "Logic::Nope" }).condition })],
      ineligibiliteRules: "x",
    };
    expect(champUsages(new Set([1]), broken)).toEqual([]);
  });
});

describe("usagesBrokenByTypeChange", () => {
  it.each<[string, number, string, Record<string, unknown>, string[]]>([
    ["integer → decimal keeps numeric comparisons", 2, "decimal_number", {}, []],
    ["integer → text breaks the comparison and the routing", 2, "text", {}, ["condition of Prime", "routing Groupe Nord"]],
    ["yes_no → checkbox keeps the boolean test", 1, "checkbox", {}, []],
    ["yes_no → text is unreadable by the condition", 1, "text", {}, ["condition of Conjoint"]],
    [
      "drop-down → multiple needs other operators",
      3,
      "multiple_drop_down_list",
      { options: ["Rouge", "Vert"] },
      ["condition of Prime", "ineligibilite"],
    ],
    ["a field nobody uses can become anything", 4, "date", {}, []],
  ])("%s", (_name, stableId, type, options, expected) => {
    expect(usagesBrokenByTypeChange(stableId, { type, options }, context).map(describeUsage)).toEqual(expected);
  });

  it("does not blame a type change for a rule that was already broken", () => {
    const already = {
      fields: [field(1, "text"), field(2, "text", { condition: includes(champValue(1), constant("x")) })],
      ineligibiliteRules: null,
    };
    expect(usagesBrokenByTypeChange(1, { type: "textarea", options: {} }, already)).toEqual([]);
  });
});

describe("availableChampOf", () => {
  it("gives choices for drop-down lists only", () => {
    expect(availableChampOf(color)).toEqual({ stableId: 3, type: "drop_down_list", options: ["Rouge", "Vert"], other: false });
    expect(availableChampOf(field(9, "text", { options: { options: ["x"] } }))).toEqual({ stableId: 9, type: "text" });
  });
});
