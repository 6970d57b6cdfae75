import { describe, expect, it } from "vitest";
import {
  type Condition,
  and,
  champValue,
  conditionToJson,
  constant,
  empty,
  emptyOperator,
  eq,
  excludes,
  greaterThan,
  greaterThanEq,
  inDepartement,
  inRegion,
  includes,
  lessThan,
  lessThanEq,
  notEq,
  notInDepartement,
  notInRegion,
  or,
  parseCondition,
  referencedStableIds,
  ZCondition,
} from "./ast";
import { type ConditionContext, evaluateCondition } from "./evaluate";
import type { ConditionChampType } from "./types";
import { type AvailableChamp, conditionErrors, operatorsFor } from "./validate";

// Fields of a test dossier: stable id → type and stored value (as the champs table stores them).
const YES = 1; // yes_no
const CHECK = 2; // checkbox
const INT = 3; // integer_number
const DEC = 4; // decimal_number
const DROP = 5; // drop_down_list
const MULTI = 6; // multiple_drop_down_list
const COMMUNE = 7; // communes
const DEPT = 8; // departements
const TEXT = 9; // text (unmanaged)
const HIDDEN = 10; // integer_number, hidden
const EMPTY_INT = 11; // integer_number, blank
const EMPTY_MULTI = 12; // multiple_drop_down_list, blank

const FIELDS: Record<number, { type: ConditionChampType; value: unknown }> = {
  [YES]: { type: "yes_no", value: "true" },
  [CHECK]: { type: "checkbox", value: "false" },
  [INT]: { type: "integer_number", value: "1500" },
  [DEC]: { type: "decimal_number", value: "12,5" },
  [DROP]: { type: "drop_down_list", value: "Paris" },
  [MULTI]: { type: "multiple_drop_down_list", value: '["rouge","vert"]' },
  [COMMUNE]: { type: "communes", value: { code_departement: "56", code_region: "53" } },
  [DEPT]: { type: "departements", value: "56" },
  [TEXT]: { type: "text", value: "bonjour" },
  [HIDDEN]: { type: "integer_number", value: "5" },
  [EMPTY_INT]: { type: "integer_number", value: "" },
  [EMPTY_MULTI]: { type: "multiple_drop_down_list", value: "[]" },
};

const geo = (value: unknown, key: "code_departement" | "code_region"): string | undefined =>
  value && typeof value === "object" ? ((value as Record<string, string>)[key] ?? undefined) : undefined;

const ctx: ConditionContext = {
  valueOf: (id) => FIELDS[id]?.value,
  typeOf: (id) => FIELDS[id]?.type,
  isVisible: (id) => id !== HIDDEN,
  dropDownOptionsOf: (id) => (id === DROP ? ["Paris", "Lyon"] : undefined),
  departementOf: (value, type) => (type === "departements" ? (value as string) : geo(value, "code_departement")),
  regionOf: (value, type) => (type === "departements" ? (value === "56" ? "53" : undefined) : geo(value, "code_region")),
};

const run = (condition: Condition, context: ConditionContext = ctx) => evaluateCondition(condition, context);
const c = constant;
const v = champValue;

describe("evaluateCondition: operators", () => {
  const cases: Array<[string, Condition, boolean]> = [
    // Eq / NotEq
    ["yes_no Eq true", eq(v(YES), c(true)), true],
    ["yes_no Eq false", eq(v(YES), c(false)), false],
    ["yes_no NotEq false", notEq(v(YES), c(false)), true],
    ["checkbox 'false' Eq false", eq(v(CHECK), c(false)), true],
    ["checkbox Eq true", eq(v(CHECK), c(true)), false],
    ["yes_no Eq 'true' (string constant: wrong kind)", eq(v(YES), c("true")), false],
    ["integer Eq 1500", eq(v(INT), c(1500)), true],
    ["integer NotEq 1500", notEq(v(INT), c(1500)), false],
    ["integer NotEq 3", notEq(v(INT), c(3)), true],
    ["integer Eq '1500' (wrong kind)", eq(v(INT), c("1500")), false],
    ["integer NotEq '3' (wrong kind never matches)", notEq(v(INT), c("3")), false],
    ["decimal '12,5' Eq 12.5", eq(v(DEC), c(12.5)), true],
    ["drop-down Eq option", eq(v(DROP), c("Paris")), true],
    ["drop-down Eq other option", eq(v(DROP), c("Lyon")), false],
    ["drop-down NotEq other option", notEq(v(DROP), c("Lyon")), true],
    ["départements Eq code", eq(v(DEPT), c("56")), true],
    ["départements NotEq code", notEq(v(DEPT), c("56")), false],
    // ordering
    ["integer > 1000", greaterThan(v(INT), c(1000)), true],
    ["integer > 1500", greaterThan(v(INT), c(1500)), false],
    ["integer >= 1500", greaterThanEq(v(INT), c(1500)), true],
    ["integer >= 1501", greaterThanEq(v(INT), c(1501)), false],
    ["integer < 2000", lessThan(v(INT), c(2000)), true],
    ["integer < 1500", lessThan(v(INT), c(1500)), false],
    ["integer <= 1500", lessThanEq(v(INT), c(1500)), true],
    ["integer <= 1499", lessThanEq(v(INT), c(1499)), false],
    ["decimal < 12.6", lessThan(v(DEC), c(12.6)), true],
    ["numbers are not compared as strings (1500 > 200)", greaterThan(v(INT), c(200)), true],
    ["integer > '1000' (wrong kind)", greaterThan(v(INT), c("1000")), false],
    ["yes_no > 1 (wrong type)", greaterThan(v(YES), c(1)), false],
    // include / exclude
    ["multiple Include rouge", includes(v(MULTI), c("rouge")), true],
    ["multiple Include bleu", includes(v(MULTI), c("bleu")), false],
    ["multiple Exclude bleu", excludes(v(MULTI), c("bleu")), true],
    ["multiple Exclude rouge", excludes(v(MULTI), c("rouge")), false],
    ["Include on a single drop-down (wrong type)", includes(v(DROP), c("Paris")), false],
    // geo
    ["commune InDepartement 56", inDepartement(v(COMMUNE), c("56")), true],
    ["commune InDepartement 29", inDepartement(v(COMMUNE), c("29")), false],
    ["commune NotInDepartement 29", notInDepartement(v(COMMUNE), c("29")), true],
    ["commune NotInDepartement 56", notInDepartement(v(COMMUNE), c("56")), false],
    ["commune InRegion 53", inRegion(v(COMMUNE), c("53")), true],
    ["commune InRegion 11", inRegion(v(COMMUNE), c("11")), false],
    ["commune NotInRegion 11", notInRegion(v(COMMUNE), c("11")), true],
    ["commune NotInRegion 53", notInRegion(v(COMMUNE), c("53")), false],
    ["départements InRegion 53", inRegion(v(DEPT), c("53")), true],
    // placeholders
    ["EmptyOperator computes true", emptyOperator(empty(), empty()), true],
    ["Eq with an Empty right is false", eq(v(INT), empty()), false],
  ];
  it.each(cases)("%s", (_name, condition, expected) => {
    expect(run(condition)).toBe(expected);
  });
});

describe("evaluateCondition: a field without value never matches, NotEq and Exclude included", () => {
  const operators = [eq, notEq, lessThan, lessThanEq, greaterThan, greaterThanEq];
  const noValue: Array<[string, number]> = [
    ["empty", EMPTY_INT],
    ["hidden", HIDDEN],
    ["unknown stable_id", 999],
    ["unmanaged type (text)", TEXT],
  ];
  for (const [label, id] of noValue) {
    it.each(operators.map((op) => [op(v(id), c(3)).term, op] as const))(`${label}: %s is false`, (_term, op) => {
      expect(run(op(v(id), c(3)))).toBe(false);
    });
  }

  it.each([
    ["Include", includes],
    ["Exclude", excludes],
  ] as const)("empty multiple drop-down: %s is false", (_name, op) => {
    expect(run(op(v(EMPTY_MULTI), c("rouge")))).toBe(false);
  });

  it("hidden yes_no NotEq is false even though the stored value differs", () => {
    const hidden: ConditionContext = { ...ctx, isVisible: (id) => id !== YES };
    expect(run(notEq(v(YES), c(false)), hidden)).toBe(false);
    expect(run(eq(v(YES), c(true)), hidden)).toBe(false);
  });

  it("whitespace-only values are blank; unparseable numbers read as no value", () => {
    const local: ConditionContext = {
      valueOf: (id) => (id === 1 ? "   " : "12a"),
      typeOf: () => "integer_number",
    };
    expect(run(notEq(v(1), c(0)), local)).toBe(false);
    expect(run(notEq(v(2), c(0)), local)).toBe(false);
  });

  it("numbers: spaced and signed strings, and already-typed values", () => {
    const local: ConditionContext = {
      valueOf: (id) => (id === 1 ? "1 000" : id === 2 ? "-7" : 42),
      typeOf: () => "integer_number",
    };
    expect(run(eq(v(1), c(1000)), local)).toBe(true);
    expect(run(lessThan(v(2), c(0)), local)).toBe(true);
    expect(run(eq(v(3), c(42)), local)).toBe(true);
  });

  it("booleans given as real booleans, and legacy checkbox 'on'", () => {
    const local: ConditionContext = { valueOf: (id) => (id === 1 ? true : "on"), typeOf: () => "checkbox" };
    expect(run(eq(v(1), c(true)), local)).toBe(true);
    expect(run(eq(v(2), c(true)), local)).toBe(true);
  });

  it("a drop-down answered with free text reads as __other__", () => {
    const local: ConditionContext = { ...ctx, valueOf: (id) => (id === DROP ? "Marseille" : ctx.valueOf(id)) };
    expect(run(eq(v(DROP), c("__other__")), local)).toBe(true);
    expect(run(eq(v(DROP), c("Marseille")), local)).toBe(false);
  });

  it("multiple drop-down given as an array", () => {
    const local: ConditionContext = { valueOf: () => ["a", "b"], typeOf: () => "multiple_drop_down_list" };
    expect(run(includes(v(1), c("b")), local)).toBe(true);
    expect(run(excludes(v(1), c("b")), local)).toBe(false);
  });

  it("geo operators are false without the departementOf/regionOf callbacks", () => {
    const bare: ConditionContext = { valueOf: ctx.valueOf, typeOf: ctx.typeOf };
    for (const op of [inDepartement, notInDepartement, inRegion, notInRegion]) {
      expect(run(op(v(COMMUNE), c("56")), bare)).toBe(false);
      expect(run(op(v(COMMUNE), c("00")), bare)).toBe(false);
    }
  });

  it("a term that is not an operator is never true", () => {
    expect(run(v(YES))).toBe(false);
    expect(run(c(true))).toBe(false);
    expect(run(empty())).toBe(false);
  });
});

describe("evaluateCondition: And / Or", () => {
  const T = eq(v(YES), c(true));
  const F = eq(v(YES), c(false));
  const cases: Array<[string, Condition, boolean]> = [
    ["And(T, T)", and(T, T), true],
    ["And(T, F)", and(T, F), false],
    ["Or(F, T)", or(F, T), true],
    ["Or(F, F)", or(F, F), false],
    ["And() is true (Ruby all?)", and(), true],
    ["Or() is false (Ruby any?)", or(), false],
    ["nested Or(And(T, F), And(T, T))", or(and(T, F), and(T, T)), true],
    ["And(T, hidden NotEq) is false", and(T, notEq(v(HIDDEN), c(1))), false],
    ["Or(empty field Eq, T) is true", or(eq(v(EMPTY_INT), c(1)), T), true],
    ["montant > 1000 and in Morbihan", and(greaterThan(v(INT), c(1000)), inDepartement(v(COMMUNE), c("56"))), true],
  ];
  it.each(cases)("%s", (_name, condition, expected) => {
    expect(run(condition)).toBe(expected);
  });

  it("short-circuits: And stops at the first false, Or at the first true", () => {
    const read: number[] = [];
    const spy: ConditionContext = {
      ...ctx,
      valueOf: (id) => {
        read.push(id);
        return ctx.valueOf(id);
      },
    };
    run(and(F, eq(v(INT), c(1))), spy);
    expect(read).toEqual([YES]);
    read.length = 0;
    run(or(T, eq(v(INT), c(1))), spy);
    expect(read).toEqual([YES]);
  });
});

describe("AST: parsing the reference's jsonb", () => {
  // Shapes as written by the reference's `to_h` (types_de_champ.condition, routing_rule, ineligibilite_rules).
  const samples: unknown[] = [
    { term: "Logic::Eq", left: { term: "Logic::ChampValue", stable_id: 123 }, right: { term: "Logic::Constant", value: true } },
    {
      term: "Logic::And",
      operands: [
        {
          term: "Logic::GreaterThan",
          left: { term: "Logic::ChampValue", stable_id: 12 },
          right: { term: "Logic::Constant", value: 1000 },
        },
        {
          term: "Logic::NotEq",
          left: { term: "Logic::ChampValue", stable_id: 13 },
          right: { term: "Logic::Constant", value: "Paris" },
        },
      ],
    },
    {
      term: "Logic::Or",
      operands: [
        {
          term: "Logic::IncludeOperator",
          left: { term: "Logic::ChampValue", stable_id: 5 },
          right: { term: "Logic::Constant", value: "a" },
        },
        {
          term: "Logic::InDepartementOperator",
          left: { term: "Logic::ChampValue", stable_id: 6 },
          right: { term: "Logic::Constant", value: "56" },
        },
        {
          term: "Logic::NotInRegionOperator",
          left: { term: "Logic::ChampValue", stable_id: 6 },
          right: { term: "Logic::Constant", value: "53" },
        },
        {
          term: "Logic::LessThanEq",
          left: { term: "Logic::ChampValue", stable_id: 7 },
          right: { term: "Logic::Constant", value: 2.5 },
        },
      ],
    },
    { term: "Logic::EmptyOperator", left: { term: "Logic::Empty" }, right: { term: "Logic::Empty" } },
    {
      term: "Logic::ExcludeOperator",
      left: { term: "Logic::ChampValue", stable_id: 1 },
      right: { term: "Logic::Constant", value: ["a", "b"] },
    },
  ];

  it.each(samples.map((s) => [JSON.stringify(s).slice(0, 60), s]))("round-trips %s", (_label, sample) => {
    const parsed = parseCondition(sample);
    expect(parsed).not.toBeNull();
    expect(JSON.parse(JSON.stringify(conditionToJson(parsed as Condition)))).toEqual(sample);
  });

  it("constructors build the reference's shape", () => {
    expect(and(eq(champValue(1), constant(true)), greaterThanEq(champValue(2), constant(3)))).toEqual(samplesAnd);
  });

  const samplesAnd = {
    term: "Logic::And",
    operands: [
      { term: "Logic::Eq", left: { term: "Logic::ChampValue", stable_id: 1 }, right: { term: "Logic::Constant", value: true } },
      {
        term: "Logic::GreaterThanEq",
        left: { term: "Logic::ChampValue", stable_id: 2 },
        right: { term: "Logic::Constant", value: 3 },
      },
    ],
  };

  it("strips unknown keys and rejects unknown terms or shapes", () => {
    expect(parseCondition({ term: "Logic::ChampValue", stable_id: 3, extra: 1 })).toEqual({
      term: "Logic::ChampValue",
      stable_id: 3,
    });
    expect(parseCondition({ term: "Logic::Xor", operands: [] })).toBeNull();
    expect(parseCondition({ op: "Logic::Eq", left: {}, right: {} })).toBeNull();
    expect(parseCondition({ term: "Logic::Eq", left: { term: "Logic::ChampValue", stable_id: 1 } })).toBeNull();
    expect(parseCondition({ term: "Logic::ChampValue", stable_id: "1" })).toBeNull();
    expect(parseCondition({ term: "Logic::Constant", value: null })).toBeNull();
    expect(parseCondition({ term: "Logic::And", operands: [{ term: "Logic::Nope" }] })).toBeNull();
    expect(ZCondition.safeParse(null).success).toBe(false);
  });

  it("lists the stable ids a condition reads", () => {
    expect(referencedStableIds(or(eq(v(1), c(true)), and(includes(v(2), c("a")), eq(v(1), c(false)))))).toEqual([1, 2]);
  });
});

describe("conditionErrors", () => {
  const available: AvailableChamp[] = [
    { stableId: YES, type: "yes_no" },
    { stableId: INT, type: "integer_number" },
    { stableId: DROP, type: "drop_down_list", options: ["Paris", "Lyon"], other: true },
    { stableId: MULTI, type: "multiple_drop_down_list", options: ["rouge", "vert"] },
    { stableId: COMMUNE, type: "communes" },
    { stableId: DEPT, type: "departements" },
    { stableId: TEXT, type: "text" },
  ];
  const cases: Array<[string, Condition, Array<{ code: string; stableId?: number }>]> = [
    ["valid boolean", eq(v(YES), c(true)), []],
    ["valid number", greaterThan(v(INT), c(1000)), []],
    ["valid drop-down", notEq(v(DROP), c("Lyon")), []],
    ["drop-down __other__ allowed when other is on", eq(v(DROP), c("__other__")), []],
    ["valid include", excludes(v(MULTI), c("vert")), []],
    ["valid geo", and(inDepartement(v(COMMUNE), c("56")), inRegion(v(DEPT), c("53")), eq(v(DEPT), c("56"))), []],
    ["field not available (deleted or below)", eq(v(999), c(true)), [{ code: "not_available", stableId: 999 }]],
    ["unmanaged type", eq(v(TEXT), c("x")), [{ code: "unmanaged", stableId: TEXT }]],
    ["boolean with string constant", eq(v(YES), c("true")), [{ code: "incompatible", stableId: YES }]],
    ["boolean with ordering operator", greaterThan(v(YES), c(1)), [{ code: "required_number", stableId: YES }]],
    ["number with string constant", lessThan(v(INT), c("10")), [{ code: "required_number", stableId: INT }]],
    ["value not among options", eq(v(DROP), c("Nice")), [{ code: "not_included", stableId: DROP }]],
    ["include on a single drop-down", includes(v(DROP), c("Paris")), [{ code: "required_list", stableId: DROP }]],
    ["include value not among options", includes(v(MULTI), c("bleu")), [{ code: "not_included", stableId: MULTI }]],
    ["include with a list constant", includes(v(MULTI), c(["rouge"])), [{ code: "required_include", stableId: MULTI }]],
    ["Eq on a multiple drop-down", eq(v(MULTI), c("rouge")), [{ code: "incompatible", stableId: MULTI }]],
    ["département operator on a number", inDepartement(v(INT), c("56")), [{ code: "incompatible", stableId: INT }]],
    ["département operator on a départements field", inDepartement(v(DEPT), c("56")), [{ code: "incompatible", stableId: DEPT }]],
    ["Eq on a commune", eq(v(COMMUNE), c("56")), [{ code: "incompatible", stableId: COMMUNE }]],
    ["geo with a number constant", notInRegion(v(COMMUNE), c(53)), [{ code: "incompatible", stableId: COMMUNE }]],
    ["right operand is a field", eq(v(INT), v(INT)), [{ code: "incompatible", stableId: INT }]],
    ["left operand is a constant", eq(c(1), c(1)), [{ code: "incompatible" }]],
    ["Empty placeholders", eq(empty(), empty()), [{ code: "empty" }, { code: "empty" }]],
    ["EmptyOperator placeholder", emptyOperator(empty(), empty()), [{ code: "empty" }]],
    ["empty And", and(), [{ code: "empty_operands" }]],
    [
      "non-boolean operand",
      or(v(YES), eq(v(999), c(1))),
      [{ code: "required_boolean" }, { code: "not_available", stableId: 999 }],
    ],
    ["bare field", v(YES), [{ code: "required_boolean" }]],
  ];
  it.each(cases)("%s", (_name, condition, expected) => {
    const errors = conditionErrors(condition, available).map(({ code, stableId }) =>
      stableId === undefined ? { code } : { code, stableId },
    );
    expect(errors).toEqual(expected);
  });

  it("operators offered per type", () => {
    expect(operatorsFor("yes_no")).toEqual(["Logic::Eq", "Logic::NotEq"]);
    expect(operatorsFor("multiple_drop_down_list")).toEqual(["Logic::IncludeOperator", "Logic::ExcludeOperator"]);
    expect(operatorsFor("integer_number")).toContain("Logic::GreaterThanEq");
    expect(operatorsFor("address")).toContain("Logic::InDepartementOperator");
    expect(operatorsFor("text")).toEqual([]);
  });
});
