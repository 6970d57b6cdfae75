/**
 * Evaluates a condition against a dossier's values, with the reference's semantics
 * (`app/models/logic/*#compute`):
 * - a field that is unknown, hidden, blank or of an unmanaged type reads as "no value", and any
 *   comparison with "no value" is false — NotEq and Exclude included (`l&.send(op, r) || false`);
 * - yes_no/checkbox read as booleans, integer/decimal numbers as numbers (parsed from their stored
 *   strings), drop_down_list as the selected text (or `__other__` for free text), multiple drop-down
 *   as a list, geo fields through the `departementOf` / `regionOf` callbacks;
 * - And/Or short-circuit; an empty And is true and an empty Or false (as Ruby's `all?`/`any?`);
 *   the editor placeholder `Logic::EmptyOperator` is true.
 * One deliberate difference: operands of different kinds (a number against a string constant…)
 * never match, even with NotEq, where Ruby's `!=` would say true. `conditionErrors` flags them.
 */
import type { BinaryNode, Condition } from "./ast";
import { type ConditionChampType, champValueType } from "./types";

/** Sentinel the reference uses for a drop-down answered with "Autre" (free text). */
export const OTHER_VALUE = "__other__";

export interface ConditionContext {
  /** Stored value of the field in this dossier (string as stored, or already typed). */
  valueOf(stableId: number): unknown;
  /** Type of the field in the dossier's revision; undefined when the field does not exist. */
  typeOf(stableId: number): ConditionChampType | undefined;
  /** Defaults to visible. Hidden fields read as empty. */
  isVisible?(stableId: number): boolean;
  /** drop_down_list options: a value outside them reads as `__other__`, like the reference. */
  dropDownOptionsOf?(stableId: number): readonly string[] | undefined;
  /** Département code of a communes/epci/address/departements value; without it, département operators are false. */
  departementOf?(value: unknown, type: ConditionChampType): string | undefined;
  /** Région code of a communes/epci/address/departements/regions value; without it, région operators are false. */
  regionOf?(value: unknown, type: ConditionChampType): string | undefined;
}

type Scalar = string | number | boolean;
/** What a term computes to; null is the reference's nil. */
type Computed = Scalar | string[] | { geo: unknown; type: ConditionChampType } | null;

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "string") return raw.trim() === "";
  if (Array.isArray(raw)) return raw.length === 0;
  return false;
}

function toBoolean(raw: unknown): boolean {
  if (typeof raw === "boolean") return raw;
  // Legacy checkboxes stored "on".
  return raw === "true" || raw === "on";
}

function toNumber(raw: unknown, type: ConditionChampType): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const compact = raw.replace(/[\s\u00A0\u202F]/g, "").replace(/\u2212/g, "-");
  if (type === "integer_number") return INTEGER.test(compact) ? Number(compact) : null;
  const decimal = compact.replace(",", ".");
  return DECIMAL.test(decimal) ? Number(decimal) : null;
}

function toList(raw: unknown): string[] | null {
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === "string");
  if (typeof raw !== "string") return null;
  // The reference stores multiple drop-down values as a JSON array in a string.
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === "string");
  } catch {
    // A plain string is a one-element list.
  }
  return [raw];
}

/**
 * The options as a set, built once per options list: routing evaluates one rule per groupe (5,000
 * groupes on a 5,000-option drop-down) against the same context, whose list is the same array.
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

function computeChampValue(stableId: number, ctx: ConditionContext): Computed {
  const type = ctx.typeOf(stableId);
  if (type === undefined) return null;
  if (ctx.isVisible && !ctx.isVisible(stableId)) return null;
  const raw = ctx.valueOf(stableId);
  if (isBlank(raw)) return null;

  switch (champValueType(type)) {
    case "boolean":
      return toBoolean(raw);
    case "number":
      return toNumber(raw, type);
    case "enum": {
      if (typeof raw !== "string") return null;
      if (type !== "drop_down_list") return raw;
      const options = ctx.dropDownOptionsOf?.(stableId);
      return options && !optionSet(options).has(raw) ? OTHER_VALUE : raw;
    }
    case "enums": {
      const list = toList(raw);
      return list && list.length > 0 ? list : null;
    }
    case "departement_enum":
    case "commune_enum":
    case "epci_enum":
    case "address":
      return { geo: raw, type };
    default:
      return null;
  }
}

function compute(node: Condition, ctx: ConditionContext): Computed {
  switch (node.term) {
    case "Logic::ChampValue":
      return computeChampValue(node.stable_id, ctx);
    case "Logic::Constant":
      return node.value;
    case "Logic::Empty":
      return null;
    default:
      return evaluateCondition(node, ctx);
  }
}

function sameScalar(l: Computed, r: Computed): boolean | null {
  if (Array.isArray(l) && Array.isArray(r)) return l.length === r.length && l.every((v, i) => v === r[i]);
  if (Array.isArray(l) || Array.isArray(r)) return null;
  if (typeof l === "object" || typeof r === "object" || typeof l !== typeof r) return null;
  return l === r;
}

function geoCode(l: Computed, kind: "departement" | "region", ctx: ConditionContext): string | undefined {
  if (l === null || typeof l !== "object" || Array.isArray(l)) return undefined;
  const callback = kind === "departement" ? ctx.departementOf : ctx.regionOf;
  return callback?.(l.geo, l.type);
}

/** Eq/NotEq on a départements field compare its code, as the reference's editor offers codes. */
function unwrapDepartement(l: Computed, ctx: ConditionContext): Computed {
  if (l === null || typeof l !== "object" || Array.isArray(l)) return l;
  if (l.type !== "departements") return l;
  if (typeof l.geo === "string") return l.geo;
  return ctx.departementOf?.(l.geo, l.type) ?? null;
}

function evaluateBinary(node: BinaryNode, ctx: ConditionContext): boolean {
  if (node.term === "Logic::EmptyOperator") return true;
  const l = compute(node.left, ctx);
  if (l === null) return false;
  const r = compute(node.right, ctx);
  if (r === null) return false;

  switch (node.term) {
    case "Logic::Eq":
    case "Logic::NotEq": {
      const same = sameScalar(unwrapDepartement(l, ctx), r);
      if (same === null) return false;
      return node.term === "Logic::Eq" ? same : !same;
    }
    case "Logic::LessThan":
    case "Logic::LessThanEq":
    case "Logic::GreaterThan":
    case "Logic::GreaterThanEq": {
      if (typeof l !== "number" || typeof r !== "number") return false;
      if (node.term === "Logic::LessThan") return l < r;
      if (node.term === "Logic::LessThanEq") return l <= r;
      if (node.term === "Logic::GreaterThan") return l > r;
      return l >= r;
    }
    case "Logic::IncludeOperator":
    case "Logic::ExcludeOperator": {
      if (!Array.isArray(l) || typeof r !== "string") return false;
      return node.term === "Logic::IncludeOperator" ? l.includes(r) : !l.includes(r);
    }
    case "Logic::InDepartementOperator":
    case "Logic::NotInDepartementOperator":
    case "Logic::InRegionOperator":
    case "Logic::NotInRegionOperator": {
      if (typeof r !== "string") return false;
      const region = node.term === "Logic::InRegionOperator" || node.term === "Logic::NotInRegionOperator";
      const code = geoCode(l, region ? "region" : "departement", ctx);
      if (code === undefined) return false;
      const positive = node.term === "Logic::InDepartementOperator" || node.term === "Logic::InRegionOperator";
      return positive ? code === r : code !== r;
    }
  }
}

/**
 * What a field reads as for the three operators a routing rule of the form « field op "text" »
 * uses, so that such rules can be looked up by value instead of evaluated one by one
 * (`server/domain/routing/routing-keys.ts`): `Logic::Eq` with a text constant holds exactly when
 * `eq` equals it, `Logic::InDepartementOperator` when `departement` does, `Logic::InRegionOperator`
 * when `region` does. Undefined: no text constant matches. Same code paths as `evaluateCondition`.
 */
export function keyedOperands(stableId: number, ctx: ConditionContext): { eq?: string; departement?: string; region?: string } {
  const l = computeChampValue(stableId, ctx);
  if (l === null) return {};
  const unwrapped = unwrapDepartement(l, ctx);
  const departement = geoCode(l, "departement", ctx);
  const region = geoCode(l, "region", ctx);
  return {
    ...(typeof unwrapped === "string" ? { eq: unwrapped } : {}),
    ...(typeof departement === "string" ? { departement } : {}),
    ...(typeof region === "string" ? { region } : {}),
  };
}

/** True when the condition holds for the dossier. A bare field, constant or Empty is false. */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): boolean {
  switch (condition.term) {
    case "Logic::And":
      return condition.operands.every((operand) => evaluateCondition(operand, ctx));
    case "Logic::Or":
      return condition.operands.some((operand) => evaluateCondition(operand, ctx));
    // A bare term is not a rule (`conditionErrors` reports `required_boolean`): never true.
    case "Logic::ChampValue":
    case "Logic::Constant":
    case "Logic::Empty":
      return false;
    default:
      return evaluateBinary(condition, ctx);
  }
}
