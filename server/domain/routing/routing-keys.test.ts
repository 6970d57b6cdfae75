import { describe, expect, it } from "vitest";
import {
  and,
  type Condition,
  champValue,
  constant,
  emptyOperator,
  eq,
  greaterThan,
  inDepartement,
  includes,
  inRegion,
  notEq,
  notInDepartement,
  or,
} from "../conditions/ast";
import type { ConditionContext } from "../conditions/evaluate";
import type { ConditionChampType } from "../conditions/types";
import { dossierRoutingKeys, ruleRoutingKey, routingCandidates, UNKEYED_RULE } from "./routing-keys";
import { type RoutableGroupe, routeDossier } from "./routing";

/** A small seeded generator: failures replay with the printed seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

// The fields of the random revision, by stable id, and the values each may hold.
const FIELDS: Record<number, { type: ConditionChampType; values: unknown[] }> = {
  1: { type: "drop_down_list", values: ["A", "B", "C", "hors liste", "", null, " A"] },
  2: { type: "departements", values: ["01", "02", "2A", "", null] },
  3: { type: "communes", values: [{ code: "01001", departement: "01" }, { code: "02002", departement: "02" }, null] },
  4: { type: "integer_number", values: ["3", "12", "abc", "", null] },
  5: { type: "multiple_drop_down_list", values: [["A"], ["A", "B"], '["B"]', [], null] },
  6: { type: "yes_no", values: ["true", "false", null] },
  7: { type: "text", values: ["A", "B", "01", "", null] },
};
const TEXTS = ["A", "B", "C", "01", "02", "2A", "84", "11", "3", "__other__", "", " A"];
const REGION: Record<string, string> = { "01": "84", "02": "32", "2A": "94" };

function departementOf(value: unknown, type: ConditionChampType): string | undefined {
  if (type === "departements" && typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "departement" in value) return String(value.departement);
  return undefined;
}

function randomContext(r: ReturnType<typeof random>): ConditionContext {
  const values = new Map<number, unknown>();
  const hidden = new Set<number>();
  for (const [id, field] of Object.entries(FIELDS)) {
    values.set(Number(id), r.pick(field.values));
    if (r.next() < 0.1) hidden.add(Number(id));
  }
  return {
    valueOf: (id) => values.get(id),
    typeOf: (id) => FIELDS[id]?.type,
    isVisible: (id) => !hidden.has(id),
    dropDownOptionsOf: (id) => (id === 1 ? ["A", "B", "C", " A"] : undefined),
    departementOf,
    regionOf: (value, type) => {
      const code = departementOf(value, type);
      return code === undefined ? undefined : REGION[code];
    },
  };
}

function randomRule(r: ReturnType<typeof random>, depth = 0): unknown {
  // A rule on a field outside the revision (99) never matches.
  const field = () => champValue(r.pick([1, 2, 3, 4, 5, 6, 7, 99]));
  const text = () => constant(r.pick(TEXTS));
  const kind = r.int(depth > 0 ? 9 : 11);
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return eq(field(), text());
    case 3:
      return inDepartement(field(), text());
    case 4:
      return inRegion(field(), text());
    case 5:
      return eq(field(), constant(r.pick([3, 12, true, false, ["A"]])));
    case 6:
      return r.pick([notEq(field(), text()), notInDepartement(field(), text()), includes(field(), text())]);
    case 7:
      return greaterThan(field(), constant(r.pick([2, 10])));
    case 8:
      // Stored rules that are not conditions (never match), or keyed in shape but not parsable.
      return r.pick<unknown>([
        { term: "Logic::Eq", left: { term: "Logic::ChampValue", stable_id: "1" }, right: constant("A") },
        { term: "Logic::Nope" },
        "not a rule",
        emptyOperator(field(), text()),
      ]);
    case 9:
      return and(...(Array.from({ length: r.int(3) }, () => randomRule(r, depth + 1)) as Condition[]));
    default:
      return or(...(Array.from({ length: r.int(3) }, () => randomRule(r, depth + 1)) as Condition[]));
  }
}

function randomGroupes(r: ReturnType<typeof random>): RoutableGroupe[] {
  const count = 1 + r.int(12);
  const withDefault = r.next() < 0.9;
  return Array.from({ length: count }, (_, i) => ({
    id: 100 + i,
    // Few distinct labels: ties are broken by id.
    label: r.pick(["Ain", "aisne", "Aisne", "Bas-Rhin", "défaut", "Éure", "eure", "Zèbre"]),
    closed: r.next() < 0.2,
    isDefault: withDefault && i === 0,
    routingRule: r.next() < 0.85 ? randomRule(r) : null,
  }));
}

describe("routing keys", () => {
  it("keys the rules « field op text » and only them", () => {
    expect(ruleRoutingKey(null)).toBeNull();
    expect(ruleRoutingKey(eq(champValue(12), constant("Vélo")))).toBe("Logic::Eq:12:Vélo");
    expect(ruleRoutingKey(inDepartement(champValue(3), constant("01")))).toBe("Logic::InDepartementOperator:3:01");
    expect(ruleRoutingKey(eq(champValue(12), constant(3)))).toBe(UNKEYED_RULE);
    expect(ruleRoutingKey(notEq(champValue(12), constant("A")))).toBe(UNKEYED_RULE);
    expect(ruleRoutingKey(or(eq(champValue(12), constant("A"))))).toBe(UNKEYED_RULE);
    expect(ruleRoutingKey(eq(champValue(12), constant("x".repeat(501))))).toBe(UNKEYED_RULE);
  });

  it("gives the dossier's keys: what each field reads as for each keyed operator", () => {
    const r = random(1);
    const ctx = randomContext(r);
    const keys = dossierRoutingKeys(Object.keys(FIELDS).map(Number), ctx);
    expect(keys).toContain(UNKEYED_RULE);
    const values: ConditionContext = {
      valueOf: (id) => (id === 2 ? "2A" : id === 1 ? "B" : null),
      typeOf: (id) => FIELDS[id]?.type,
      dropDownOptionsOf: () => ["A", "B"],
      departementOf,
      regionOf: (value, type) => REGION[departementOf(value, type) ?? ""],
    };
    expect(dossierRoutingKeys([1, 2, 4], values).sort()).toEqual(
      ["*", "Logic::Eq:1:B", "Logic::Eq:2:2A", "Logic::InDepartementOperator:2:2A", "Logic::InRegionOperator:2:94"].sort(),
    );
  });

  // The property: routing among the candidates a key lookup returns gives the same groupe as
  // evaluating every rule, whatever the rules, the values, closed groupes, the default and a forced groupe.
  it("routes like the full evaluation on random rules and values (2,000 cases)", () => {
    const seed = 20261207;
    const r = random(seed);
    let keyedHits = 0;
    for (let i = 0; i < 2000; i++) {
      const groupes = randomGroupes(r);
      const context = randomContext(r);
      const currentId = r.next() < 0.5 ? (r.pick(groupes).id as number) : null;
      const current = currentId === null ? undefined : { groupeId: currentId, forced: r.next() < 0.2 };
      const full = routeDossier({ groupes, context, current });
      const keys = dossierRoutingKeys(Object.keys(FIELDS).map(Number), context);
      let candidates = routingCandidates(groupes, keys, currentId);
      // As the operation: without a default groupe, every groupe is read.
      if (!candidates.some((g) => g.isDefault)) candidates = [...groupes];
      const fast = routeDossier({ groupes: candidates, context, current });
      if (fast !== full) throw new Error(`seed ${seed}, case ${i}: fast ${fast}, full ${full}, ${JSON.stringify(groupes)}`);
      if (candidates.length < groupes.length && fast !== groupes.find((g) => g.isDefault)?.id) keyedHits++;
    }
    // The lookup did narrow the candidates and still found rule matches.
    expect(keyedHits).toBeGreaterThan(100);
  });

  it("finds the one matching groupe among 5,000 simple-routing groupes", () => {
    const groupes: RoutableGroupe[] = [
      { id: 1, label: "défaut", closed: false, isDefault: true, routingRule: null },
      ...Array.from({ length: 5000 }, (_, i) => ({
        id: i + 2,
        label: `Commune ${String(i).padStart(4, "0")}`,
        closed: false,
        isDefault: false,
        routingRule: eq(champValue(1), constant(`Commune ${String(i).padStart(4, "0")}`)),
      })),
    ];
    const context: ConditionContext = { valueOf: () => "Commune 4999", typeOf: () => "drop_down_list" };
    const candidates = routingCandidates(groupes, dossierRoutingKeys([1], context), null);
    expect(candidates.map((g) => g.id)).toEqual([1, 5001]);
    expect(routeDossier({ groupes: candidates, context })).toBe(5001);
  });
});
