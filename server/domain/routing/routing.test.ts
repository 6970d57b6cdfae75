import { describe, expect, it } from "vitest";
import { champValue, constant, eq } from "../conditions/ast";
import { conditionChoiceLists } from "../conditions/choice-lists";
import type { ConditionContext } from "../conditions/evaluate";
import { type RoutableGroupe, routeDossier, routingProblems, simpleRoutingGroupes } from "./routing";

const DEP = 10;
const context = (departement: string | null): ConditionContext => ({
  valueOf: (id) => (id === DEP ? departement : undefined),
  typeOf: (id) => (id === DEP ? "departements" : undefined),
});
const rule = (code: string) => eq(champValue(DEP), constant(code));
const groupe = (id: number, label: string, extra: Partial<RoutableGroupe> = {}): RoutableGroupe => ({
  id,
  label,
  closed: false,
  isDefault: false,
  routingRule: null,
  ...extra,
});

const groupes = [
  groupe(1, "défaut", { isDefault: true }),
  groupe(2, "Ain", { routingRule: rule("01") }),
  groupe(3, "Aisne", { routingRule: rule("02") }),
  groupe(4, "Aisne bis", { routingRule: rule("02") }),
];

describe("routeDossier", () => {
  it("sends the dossier to the first open groupe whose rule matches", () => {
    expect(routeDossier({ groupes, context: context("01") })).toBe(2);
    expect(routeDossier({ groupes, context: context("02") })).toBe(3);
  });

  it("skips closed groupes", () => {
    const closed = groupes.map((g) => (g.id === 3 ? { ...g, closed: true } : g));
    expect(routeDossier({ groupes: closed, context: context("02") })).toBe(4);
  });

  it("falls back to the default groupe when no rule matches or the value is blank", () => {
    expect(routeDossier({ groupes, context: context("75") })).toBe(1);
    expect(routeDossier({ groupes, context: context(null) })).toBe(1);
  });

  it("leaves a dossier forced by hand in its groupe", () => {
    expect(routeDossier({ groupes, context: context("01"), current: { groupeId: 3, forced: true } })).toBe(3);
    expect(routeDossier({ groupes, context: context("01"), current: { groupeId: 3, forced: false } })).toBe(2);
  });

  it("ignores a forced groupe that no longer exists, and a malformed rule", () => {
    const broken = [...groupes, groupe(5, "AAA", { routingRule: { term: "nope" } })];
    expect(routeDossier({ groupes: broken, context: context("01"), current: { groupeId: 99, forced: true } })).toBe(2);
  });
});

const fields = [{ stableId: DEP, type: "departements", libelle: "Département", parentStableId: null, options: {} }];
const lists = conditionChoiceLists("fr");

describe("routingProblems", () => {
  it("flags duplicate rules and rules on a deleted field", () => {
    const problems = routingProblems(
      [...groupes, groupe(6, "Orphelin", { routingRule: eq(champValue(999), constant("01")) })],
      fields,
      lists,
    );
    expect(problems.get(3)).toEqual(["rule_duplicate"]);
    expect(problems.get(4)).toEqual(["rule_duplicate"]);
    expect(problems.get(6)).toEqual(["rule_invalid"]);
    expect(problems.has(2)).toBe(false);
  });
});

describe("simpleRoutingGroupes", () => {
  it("makes one groupe per département with an equality rule", () => {
    const made = simpleRoutingGroupes(fields[0] as (typeof fields)[0], lists);
    expect(made?.length).toBe(lists.departements.length);
    expect(made?.[0]?.rule).toEqual(eq(champValue(DEP), constant(lists.departements[0]?.value ?? "")));
  });

  it("uses a drop-down's options and refuses a text field", () => {
    const dropDown = { ...fields[0], type: "drop_down_list", options: { options: ["Nord", "Sud"] } } as (typeof fields)[0];
    expect(simpleRoutingGroupes(dropDown, lists)?.map((g) => g.label)).toEqual(["Nord", "Sud"]);
    expect(simpleRoutingGroupes({ ...fields[0], type: "text" } as (typeof fields)[0], lists)).toBeNull();
  });
});
