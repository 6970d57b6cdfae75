import { describe, expect, it } from "vitest";
import { champValue, constant, eq, parseCondition } from "../conditions/ast";
import {
  canonicalJson,
  compareRevisions,
  diffFingerprint,
  type RevisionChange,
  type RevisionIneligibilite,
  type RevisionSnapshot,
} from "./diff";
import { NO_RULES, revisionField, revisionSnapshot } from "./test-helpers";

const field = revisionField;
const snapshot = revisionSnapshot;

/** A compact view of each change, to keep the table readable. */
function summary(change: RevisionChange): string {
  switch (change.kind) {
    case "add_champ":
      return `add ${change.stableId}${change.parent ? ` in ${change.parent.stableId}` : ""}`;
    case "remove_champ":
      return `remove ${change.stableId}`;
    case "move_champ":
      return `move ${change.stableId} ${change.fromPosition}→${change.toPosition}`;
    case "update_champ":
      switch (change.attribute) {
        case "option":
          return `option ${change.stableId} ${change.option} +[${change.added}] -[${change.removed}]`;
        case "type_champ":
          return `type ${change.stableId} ${change.from}→${change.to} ${change.valuesKept ? "kept" : "lost"}`;
        case "parent":
          return `parent ${change.stableId} ${change.from?.stableId ?? "root"}→${change.to?.stableId ?? "root"}`;
        case "condition":
          return `condition ${change.stableId}`;
        default:
          return `${change.attribute} ${change.stableId} ${JSON.stringify(change.from)}→${JSON.stringify(change.to)}`;
      }
    default:
      return change.kind;
  }
}

const a = field(1);
const b = field(2);
const c = field(3);
const d = field(4);
const condition = eq(champValue(1), constant("oui"));

describe("compareRevisions", () => {
  it.each<[string, RevisionSnapshot, RevisionSnapshot, string[]]>([
    ["nothing changed", snapshot([a, b]), snapshot([a, b]), []],
    ["a field added at the end", snapshot([a]), snapshot([a, b]), ["add 2"]],
    ["a field added at the top does not move the others", snapshot([b, c]), snapshot([a, b, c]), ["add 1"]],
    ["a field removed", snapshot([a, b, c]), snapshot([a, c]), ["remove 2"]],
    ["one field moved to the end", snapshot([a, b, c, d]), snapshot([b, c, d, a]), ["move 1 1→4"]],
    ["one field moved up", snapshot([a, b, c, d]), snapshot([a, d, b, c]), ["move 4 4→2"]],
    ["libellé changed", snapshot([a]), snapshot([{ ...a, libelle: "Nom" }]), ['libelle 1 "Champ 1"→"Nom"']],
    ["description added", snapshot([a]), snapshot([{ ...a, description: "Aide" }]), ['description 1 null→"Aide"']],
    ["blank description is no description", snapshot([a]), snapshot([{ ...a, description: "  " }]), []],
    ["made optional", snapshot([a]), snapshot([{ ...a, mandatory: false }]), ["mandatory 1 true→false"]],
    ["made mandatory", snapshot([{ ...a, mandatory: false }]), snapshot([a]), ["mandatory 1 false→true"]],
    ["compatible type change", snapshot([a]), snapshot([{ ...a, type: "textarea" }]), ["type 1 text→textarea kept"]],
    ["incompatible type change", snapshot([a]), snapshot([{ ...a, type: "date" }]), ["type 1 text→date lost"]],
    ["condition added", snapshot([a, b]), snapshot([a, { ...b, condition }]), ["condition 2"]],
    ["condition removed", snapshot([a, { ...b, condition }]), snapshot([a, b]), ["condition 2"]],
    [
      "same condition with other key order and extra keys",
      snapshot([a, { ...b, condition }]),
      snapshot([
        a,
        {
          ...b,
          condition: parseCondition({
            right: { value: "oui", term: "Logic::Constant" },
            left: { stable_id: 1, term: "Logic::ChampValue" },
            term: "Logic::Eq",
            x: 1,
          }),
        },
      ]),
      [],
    ],
    [
      "drop-down choices added and removed",
      snapshot([field(5, { type: "drop_down_list", options: { options: ["A", "B"] } })]),
      snapshot([field(5, { type: "drop_down_list", options: { options: ["A", "C"] } })]),
      ["option 5 options +[C] -[B]"],
    ],
    [
      "drop-down choices reordered",
      snapshot([field(5, { type: "drop_down_list", options: { options: ["A", "B"] } })]),
      snapshot([field(5, { type: "drop_down_list", options: { options: ["B", "A"] } })]),
      ["option 5 options +[] -[]"],
    ],
    [
      "scalar option changed",
      snapshot([field(6, { type: "textarea", options: {} })]),
      snapshot([field(6, { type: "textarea", options: { characterLimit: 1000 } })]),
      ["option 6 characterLimit +[] -[]"],
    ],
    [
      "a child added to a repetition block",
      snapshot([field(7, { type: "repetition" }), field(8, { parentStableId: 7 })]),
      snapshot([field(7, { type: "repetition" }), field(8, { parentStableId: 7 }), field(9, { parentStableId: 7 })]),
      ["add 9 in 7"],
    ],
    [
      "children moved within their block only",
      snapshot([a, field(7, { type: "repetition" }), field(8, { parentStableId: 7 }), field(9, { parentStableId: 7 })]),
      snapshot([a, field(7, { type: "repetition" }), field(9, { parentStableId: 7 }), field(8, { parentStableId: 7 })]),
      ["move 9 2→1"],
    ],
    [
      "a field moved out of a block",
      snapshot([field(7, { type: "repetition" }), field(8, { parentStableId: 7 })]),
      snapshot([field(7, { type: "repetition" }), field(8)]),
      ["parent 8 7→root"],
    ],
    [
      "annotations are their own list",
      snapshot([a, field(10, { private: true })]),
      snapshot([field(11, { private: true }), a, field(10, { private: true })]),
      ["add 11"],
    ],
    [
      "several changes in form order, removals last",
      snapshot([a, b, c]),
      snapshot([{ ...c, libelle: "C" }, a, d]),
      ["move 3 3→1", 'libelle 3 "Champ 3"→"C"', "add 4", "remove 2"],
    ],
  ])("%s", (_name, from, to, expected) => {
    expect(compareRevisions(from, to).map(summary)).toEqual(expected);
  });

  it("names the block of an added child and the libellé of a removed field", () => {
    const block = field(7, { type: "repetition", libelle: "Enfants" });
    const [added] = compareRevisions(snapshot([block]), snapshot([block, field(8, { parentStableId: 7, libelle: "Prénom" })]));
    expect(added).toMatchObject({ kind: "add_champ", libelle: "Prénom", parent: { stableId: 7, libelle: "Enfants" } });
    const [removed] = compareRevisions(snapshot([a, b]), snapshot([a]));
    expect(removed).toMatchObject({ kind: "remove_champ", libelle: "Champ 2", parent: null });
  });
});

describe("ineligibility changes", () => {
  const rules = eq(champValue(1), constant("non"));
  it.each<[string, RevisionIneligibilite, RevisionIneligibilite, string[]]>([
    ["unchanged", { enabled: true, message: "Non", rules }, { enabled: true, message: "Non", rules }, []],
    ["enabled", NO_RULES, { ...NO_RULES, enabled: true }, ["ineligibilite_enabled"]],
    ["disabled", { ...NO_RULES, enabled: true }, NO_RULES, ["ineligibilite_disabled"]],
    ["rules added", NO_RULES, { ...NO_RULES, rules }, ["add_ineligibilite_rules"]],
    ["rules removed", { ...NO_RULES, rules }, NO_RULES, ["remove_ineligibilite_rules"]],
    [
      "rules changed",
      { ...NO_RULES, rules },
      { ...NO_RULES, rules: eq(champValue(1), constant("oui")) },
      ["update_ineligibilite_rules"],
    ],
    ["message changed", { ...NO_RULES, message: "A" }, { ...NO_RULES, message: "B" }, ["update_ineligibilite_message"]],
    ["blank message is no message", { ...NO_RULES, message: "" }, NO_RULES, []],
  ])("%s", (_name, from, to, expected) => {
    expect(compareRevisions(snapshot([a], from), snapshot([a], to)).map((c) => c.kind)).toEqual(expected);
  });
});

describe("helpers", () => {
  it("canonical JSON ignores key order and undefined keys", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("fingerprints differ when the diff differs and match when it does not", () => {
    const one = compareRevisions(snapshot([a]), snapshot([a, b]));
    const same = compareRevisions(snapshot([a]), snapshot([a, b]));
    const other = compareRevisions(snapshot([a]), snapshot([a, c]));
    expect(diffFingerprint(one)).toBe(diffFingerprint(same));
    expect(diffFingerprint(one)).not.toBe(diffFingerprint(other));
    expect(diffFingerprint([])).toMatch(/^[0-9a-f]{16}$/);
  });
});
