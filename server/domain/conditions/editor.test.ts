import { describe, expect, it } from "vitest";
import { and, champValue, constant, empty, eq, greaterThan, includes, inRegion, or } from "./ast";
import {
  availableForField,
  availableForIneligibilite,
  blockingErrors,
  type ChoiceLists,
  type ConditionField,
  type ConditionRow,
  conditionOfRows,
  fieldsWithInvalidCondition,
  ineligibiliteProblems,
  normalizeRow,
  operatorsOffered,
  parseNumberInput,
  rowErrors,
  rowsOfCondition,
  ruleErrors,
  storedConditionErrors,
  valueInputFor,
} from "./editor";

const lists: ChoiceLists = {
  departements: [
    { value: "01", label: "01 – Ain" },
    { value: "75", label: "75 – Paris" },
  ],
  regions: [
    { value: "11", label: "11 – Île-de-France" },
    { value: "84", label: "84 – Auvergne-Rhône-Alpes" },
  ],
  pays: [{ value: "FR", label: "France – FR" }],
};

const f = (stableId: number, type: string, extra: Partial<ConditionField> = {}): ConditionField => ({
  stableId,
  type,
  libelle: `Champ ${stableId}`,
  parentStableId: null,
  options: {},
  ...extra,
});

// 1 yes_no, 2 text, 3 drop-down (with Autre), 4 block [5 integer, 6 checkbox, 7 text], 8 departements, 9 multiple.
const fields: ConditionField[] = [
  f(1, "yes_no"),
  f(2, "text"),
  f(3, "drop_down_list", { options: { options: ["Paris", "Lyon"], other: true } }),
  f(4, "repetition"),
  f(5, "integer_number", { parentStableId: 4 }),
  f(6, "checkbox", { parentStableId: 4 }),
  f(7, "text", { parentStableId: 4 }),
  f(8, "departements"),
  f(9, "multiple_drop_down_list", { options: { options: ["A", "B"] } }),
];
const ids = (list: ConditionField[]) => list.map((x) => x.stableId);

describe("availableForField", () => {
  it.each([
    [1, []],
    [2, [1]],
    [3, [1]],
    [4, [1, 3]],
    [5, [1, 3]],
    [6, [1, 3, 5]],
    [7, [1, 3, 5, 6]],
    [8, [1, 3]],
    [9, [1, 3, 8]],
    [42, []],
  ])("field %i may read %j", (stableId, expected) => {
    expect(ids(availableForField(fields, stableId))).toEqual(expected);
  });

  it("offers every conditionable top-level field to ineligibility rules", () => {
    expect(ids(availableForIneligibilite(fields))).toEqual([1, 3, 8, 9]);
  });
});

describe("operators and values offered", () => {
  it.each([
    ["yes_no", ["Logic::Eq", "Logic::NotEq"]],
    [
      "integer_number",
      ["Logic::Eq", "Logic::NotEq", "Logic::LessThan", "Logic::LessThanEq", "Logic::GreaterThan", "Logic::GreaterThanEq"],
    ],
    ["multiple_drop_down_list", ["Logic::IncludeOperator", "Logic::ExcludeOperator"]],
    ["departements", ["Logic::Eq", "Logic::NotEq", "Logic::InRegionOperator", "Logic::NotInRegionOperator"]],
    ["text", []],
  ])("%s", (type, expected) => {
    expect(operatorsOffered(f(1, type))).toEqual(expected);
  });

  it.each([
    [f(1, "yes_no"), "Logic::Eq", "boolean", undefined],
    [f(1, "decimal_number"), "Logic::LessThan", "number", undefined],
    [fields[2] as ConditionField, "Logic::Eq", "choice", ["Paris", "Lyon", "__other__"]],
    [fields[8] as ConditionField, "Logic::IncludeOperator", "choice", ["A", "B"]],
    [f(1, "departements"), "Logic::Eq", "choice", ["01", "75"]],
    [f(1, "departements"), "Logic::InRegionOperator", "choice", ["11", "84"]],
    [f(1, "communes"), "Logic::InDepartementOperator", "choice", ["01", "75"]],
    [f(1, "regions"), "Logic::Eq", "choice", ["11", "84"]],
    [f(1, "pays"), "Logic::Eq", "choice", ["FR"]],
  ] as const)("%j %s", (field, operator, kind, values) => {
    const input = valueInputFor(field, operator, lists);
    expect(input?.kind).toBe(kind);
    if (input?.kind === "choice") expect(input.choices.map((c) => c.value)).toEqual(values);
  });

  it("has no value input for a field conditions cannot read", () => {
    expect(valueInputFor(f(1, "text"), "Logic::Eq", lists)).toBeNull();
  });
});

describe("rows ↔ AST", () => {
  const row = (stableId: number | null, operator: ConditionRow["operator"], value: string): ConditionRow => ({
    stableId,
    operator,
    value,
  });

  it.each([
    ["nothing", { combinator: "Logic::And" as const, rows: [] }, null],
    [
      "one row: the bare operator",
      { combinator: "Logic::Or" as const, rows: [row(1, "Logic::Eq", "true")] },
      eq(champValue(1), constant(true)),
    ],
    [
      "several rows: And/Or",
      { combinator: "Logic::Or" as const, rows: [row(1, "Logic::Eq", "false"), row(3, "Logic::Eq", "Lyon")] },
      or(eq(champValue(1), constant(false)), eq(champValue(3), constant("Lyon"))),
    ],
    [
      "a row not filled in: placeholders",
      { combinator: "Logic::And" as const, rows: [row(null, null, "")] },
      { term: "Logic::EmptyOperator", left: empty(), right: empty() },
    ],
    [
      "a number typed the French way",
      { combinator: "Logic::And" as const, rows: [row(5, "Logic::GreaterThan", " 1 000,5 ")] },
      greaterThan(champValue(5), constant(1000.5)),
    ],
    [
      "a value not chosen yet",
      { combinator: "Logic::And" as const, rows: [row(8, "Logic::Eq", "")] },
      eq(champValue(8), empty()),
    ],
  ])("%s", (_name, state, expected) => {
    const available = availableForField(fields, 7).concat(fields[7] as ConditionField);
    const { condition, inputErrors } = conditionOfRows(state, available);
    expect(condition).toEqual(expected);
    expect(inputErrors.every((e) => e === null)).toBe(true);
    if (condition && state.rows.length > 0) {
      expect(rowsOfCondition(condition)?.rows.map((r) => r.stableId)).toEqual(state.rows.map((r) => r.stableId));
    }
  });

  it("reports values that cannot be read", () => {
    const available = availableForField(fields, 7);
    const { inputErrors } = conditionOfRows(
      { combinator: "Logic::And", rows: [row(5, "Logic::Eq", "douze"), row(1, "Logic::Eq", "peut-être")] },
      available,
    );
    expect(inputErrors).toEqual(["required_number", "incompatible"]);
  });

  it("reads stored conditions back as rows, or null when rows cannot show them", () => {
    expect(rowsOfCondition(and(eq(champValue(1), constant(true)), greaterThan(champValue(5), constant(3))))).toEqual({
      combinator: "Logic::And",
      rows: [row(1, "Logic::Eq", "true"), row(5, "Logic::GreaterThan", "3")],
    });
    expect(rowsOfCondition(null)).toEqual({ combinator: "Logic::And", rows: [] });
    expect(rowsOfCondition(and(or(eq(champValue(1), constant(true)))))).toBeNull();
    expect(rowsOfCondition(or(eq(champValue(1), constant(true)), or()))).toBeNull();
    expect(rowsOfCondition(includes(champValue(9), constant(["A"])))).toBeNull();
  });

  it.each([
    ["12", 12],
    ["-3", -3],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["1 000", 1000],
    ["−2", -2],
    ["", null],
    ["1,2,3", null],
    ["1e3", null],
    ["abc", null],
  ])("number input %j", (input, expected) => expect(parseNumberInput(input)).toBe(expected));
});

describe("normalizeRow", () => {
  const available = availableForField(fields, 9);
  it.each([
    [
      "a new field gets its first operator and no value",
      { stableId: 3, operator: "Logic::Eq", value: "true" },
      { stableId: 1, operator: "Logic::Eq" },
      { stableId: 3, operator: "Logic::Eq", value: "" },
    ],
    [
      "a first field",
      { stableId: 8, operator: null, value: "" },
      { stableId: null, operator: null },
      { stableId: 8, operator: "Logic::Eq", value: "" },
    ],
    [
      "no field any more",
      { stableId: null, operator: "Logic::Eq", value: "x" },
      { stableId: 8, operator: "Logic::Eq" },
      { stableId: null, operator: null, value: "" },
    ],
    [
      "département → région operator empties the value",
      { stableId: 8, operator: "Logic::InRegionOperator", value: "75" },
      { stableId: 8, operator: "Logic::Eq" },
      { stableId: 8, operator: "Logic::InRegionOperator", value: "" },
    ],
    [
      "Eq → NotEq keeps the value",
      { stableId: 8, operator: "Logic::NotEq", value: "75" },
      { stableId: 8, operator: "Logic::Eq" },
      { stableId: 8, operator: "Logic::NotEq", value: "75" },
    ],
    [
      "unchanged",
      { stableId: 1, operator: "Logic::Eq", value: "true" },
      { stableId: 1, operator: "Logic::Eq" },
      { stableId: 1, operator: "Logic::Eq", value: "true" },
    ],
  ] as const)("%s", (_name, submitted, shown, expected) => {
    expect(normalizeRow(submitted, shown, available, lists)).toEqual(expected);
  });
});

describe("errors", () => {
  const available = availableForField(fields, 9);
  it.each([
    ["valid", eq(champValue(3), constant("__other__")), []],
    ["valid département", eq(champValue(8), constant("75")), []],
    ["valid région of a département", inRegion(champValue(8), constant("84")), []],
    ["unknown département", eq(champValue(8), constant("2A0")), ["not_included"]],
    ["unknown région", inRegion(champValue(8), constant("99")), ["not_included"]],
    ["option removed", eq(champValue(3), constant("Marseille")), ["not_included"]],
    ["field below or deleted", eq(champValue(9), constant("A")), ["not_available"]],
    ["field in a block", eq(champValue(5), constant(1)), ["not_available"]],
    ["incomplete", eq(champValue(8), empty()), ["empty"]],
    ["an And of rows", and(eq(champValue(1), constant(true)), eq(champValue(3), constant("Nice"))), ["not_included"]],
  ])("%s", (_name, condition, expected) => {
    expect(ruleErrors(condition, available, lists)).toEqual(expected);
  });

  it("only incomplete rows may be saved", () => {
    expect(blockingErrors(["empty"])).toEqual([]);
    expect(blockingErrors(["empty", "not_available"])).toEqual(["not_available"]);
  });

  it("gives each row its errors", () => {
    const state = {
      combinator: "Logic::And" as const,
      rows: [
        { stableId: 1, operator: "Logic::Eq" as const, value: "true" },
        { stableId: null, operator: null, value: "" },
        { stableId: 8, operator: "Logic::Eq" as const, value: "976x" },
      ],
    };
    expect(rowErrors(state, available, lists)).toEqual([[], ["empty"], ["not_included"]]);
  });

  it("finds the fields whose stored condition is broken", () => {
    const stored = fields.map((field) => ({
      ...field,
      condition:
        field.stableId === 2
          ? eq(champValue(1), constant(true))
          : field.stableId === 3
            ? eq(champValue(8), constant("75")) // 8 is below 3
            : field.stableId === 6
              ? greaterThan(champValue(5), constant(2)) // sibling above: fine
              : null,
      // What loadRevisionChamps gives for stored JSON that is no condition.
      conditionMalformed: field.stableId === 9,
    }));
    expect(fieldsWithInvalidCondition(stored, lists)).toEqual([3, 9]);
    expect(storedConditionErrors({ term: "Logic::Nope" }, [], lists)).toEqual(["malformed"]);
  });

  it.each([
    ["disabled", { enabled: false, message: null, rules: null }, []],
    ["complete", { enabled: true, message: "Réservé aux Parisiens", rules: eq(champValue(8), constant("75")) }, []],
    ["no message, no rule", { enabled: true, message: "  ", rules: null }, ["message_required", "rules_required"]],
    [
      "message too long",
      { enabled: true, message: "x".repeat(1001), rules: eq(champValue(1), constant(true)) },
      ["message_too_long"],
    ],
    [
      "a rule on a field of a block",
      { enabled: true, message: "Non", rules: eq(champValue(6), constant(true)) },
      ["rules_invalid"],
    ],
  ])("ineligibility: %s", (_name, ineligibilite, expected) => {
    expect(ineligibiliteProblems(ineligibilite, fields, lists)).toEqual(expected);
  });
});
