/**
 * Static checks of a condition against the fields it may read, as the reference's
 * `Logic::*#errors` (`not_available`, `unmanaged`, `incompatible`, `not_included`,
 * `required_number`, `required_list`, `required_include`, `empty`), plus the n-ary checks
 * (`empty_operands`, `required_boolean`). A condition with errors must not be saved as valid
 * (visibility, routing rule, ineligibility rule).
 *
 * Stricter than the reference on two points, because both always compute false or true without
 * meaning it: Eq/NotEq on a multiple drop-down or a commune/EPCI/address field is `incompatible`,
 * and the editor placeholder `Logic::EmptyOperator` is reported as `empty`.
 */
import type { BinaryNode, Condition, ConstantValue } from "./ast";
import { OTHER_VALUE } from "./evaluate";
import { type ChampValueType, type ConditionChampType, champValueType } from "./types";

export type ConditionErrorCode =
  | "not_available"
  | "unmanaged"
  | "incompatible"
  | "not_included"
  | "required_number"
  | "required_list"
  | "required_include"
  | "required_boolean"
  | "empty"
  | "empty_operands";

export interface ConditionError {
  code: ConditionErrorCode;
  stableId?: number;
  /** The operator (`term`) where the error was found, when there is one. */
  term?: string;
}

export interface AvailableChamp {
  stableId: number;
  type: ConditionChampType;
  /** drop_down_list / multiple_drop_down_list choices; when given, constants must be among them. */
  options?: readonly string[];
  /** drop_down_list "Autre" enabled: `__other__` is then a valid constant. */
  other?: boolean;
}

const GEO_OPERATORS = [
  "Logic::InDepartementOperator",
  "Logic::NotInDepartementOperator",
  "Logic::InRegionOperator",
  "Logic::NotInRegionOperator",
] as const;

const OPERATORS_BY_VALUE_TYPE: Record<ChampValueType, readonly string[]> = {
  boolean: ["Logic::Eq", "Logic::NotEq"],
  number: ["Logic::Eq", "Logic::NotEq", "Logic::LessThan", "Logic::LessThanEq", "Logic::GreaterThan", "Logic::GreaterThanEq"],
  enum: ["Logic::Eq", "Logic::NotEq"],
  departement_enum: ["Logic::Eq", "Logic::NotEq", "Logic::InRegionOperator", "Logic::NotInRegionOperator"],
  commune_enum: GEO_OPERATORS,
  epci_enum: GEO_OPERATORS,
  address: GEO_OPERATORS,
  enums: ["Logic::IncludeOperator", "Logic::ExcludeOperator"],
  unmanaged: [],
};

/** Operators the editor may offer for a field of this type (empty for unmanaged types). */
export function operatorsFor(type: ConditionChampType): readonly string[] {
  return OPERATORS_BY_VALUE_TYPE[champValueType(type)];
}

function isBooleanTyped(node: Condition): boolean {
  return node.term !== "Logic::ChampValue" && node.term !== "Logic::Constant" && node.term !== "Logic::Empty";
}

function constantKindError(valueType: ChampValueType, value: ConstantValue): ConditionErrorCode | null {
  switch (valueType) {
    case "boolean":
      return typeof value === "boolean" ? null : "incompatible";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "required_number";
    case "enums":
      return typeof value === "string" ? null : "required_include";
    default:
      return typeof value === "string" ? null : "incompatible";
  }
}

function binaryErrors(node: BinaryNode, available: readonly AvailableChamp[]): ConditionError[] {
  const term = node.term;
  if (term === "Logic::EmptyOperator") return [{ code: "empty", term }];

  const errors: ConditionError[] = [];
  const { left, right } = node;
  if (left.term === "Logic::Empty") errors.push({ code: "empty", term });
  if (right.term === "Logic::Empty") errors.push({ code: "empty", term });
  if (left.term === "Logic::Empty" || right.term === "Logic::Empty") return errors;

  if (left.term !== "Logic::ChampValue") return [{ code: "incompatible", term }];
  const stableId = left.stable_id;
  const champ = available.find((c) => c.stableId === stableId);
  if (!champ) return [{ code: "not_available", stableId, term }];

  const valueType = champValueType(champ.type);
  if (valueType === "unmanaged") return [{ code: "unmanaged", stableId, term }];

  if (!OPERATORS_BY_VALUE_TYPE[valueType].includes(term)) {
    const code: ConditionErrorCode =
      term === "Logic::IncludeOperator" || term === "Logic::ExcludeOperator"
        ? "required_list"
        : ["Logic::LessThan", "Logic::LessThanEq", "Logic::GreaterThan", "Logic::GreaterThanEq"].includes(term)
          ? "required_number"
          : "incompatible";
    return [{ code, stableId, term }];
  }

  if (right.term !== "Logic::Constant") return [{ code: "incompatible", stableId, term }];
  const kindError = constantKindError(valueType, right.value);
  if (kindError) return [{ code: kindError, stableId, term }];

  const geoOperator = term.includes("Departement") || term.includes("Region");
  if (!geoOperator && champ.options && typeof right.value === "string") {
    const allowed =
      optionSet(champ.options).has(right.value) ||
      (right.value === OTHER_VALUE && champ.other === true && champ.type === "drop_down_list");
    if (!allowed) return [{ code: "not_included", stableId, term }];
  }
  return [];
}

/**
 * Errors of a condition whose fields may only be those of `available` (for a visibility
 * condition: the fields above it; for routing/ineligibility: the public fields of the revision).
 */
export function conditionErrors(condition: Condition, available: readonly AvailableChamp[]): ConditionError[] {
  switch (condition.term) {
    case "Logic::And":
    case "Logic::Or": {
      const errors: ConditionError[] = [];
      if (condition.operands.length === 0) errors.push({ code: "empty_operands", term: condition.term });
      for (const operand of condition.operands) {
        if (!isBooleanTyped(operand)) errors.push({ code: "required_boolean", term: condition.term });
        else errors.push(...conditionErrors(operand, available));
      }
      return errors;
    }
    case "Logic::Empty":
      return [{ code: "empty" }];
    case "Logic::ChampValue":
    case "Logic::Constant":
      return [{ code: "required_boolean" }];
    default:
      return binaryErrors(condition, available);
  }
}

export function isConditionValid(condition: Condition, available: readonly AvailableChamp[]): boolean {
  return conditionErrors(condition, available).length === 0;
}

/**
 * The options as a set, built once per options list: the routing checks validate one rule per
 * groupe (5,000 groupes on a 5,000-option drop-down) against the same field.
 */
const OPTION_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();
function optionSet(options: readonly string[]): ReadonlySet<string> {
  let set = OPTION_SETS.get(options);
  if (!set) {
    set = new Set(options);
    OPTION_SETS.set(options, set);
  }
  return set;
}
