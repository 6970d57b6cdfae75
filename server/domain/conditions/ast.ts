/**
 * The condition JSON AST, exactly as the reference stores it in jsonb (`types_de_champ.condition`,
 * `groupe_instructeurs.routing_rule`, `procedure_revisions.ineligibilite_rules`): objects
 * discriminated by `term` (= the reference's Ruby class name). Parsing strips unknown keys and
 * `conditionToJson` gives back the reference's shape, so stored data round-trips.
 */
import { z } from "zod";

export const BINARY_TERMS = [
  "Logic::Eq",
  "Logic::NotEq",
  "Logic::LessThan",
  "Logic::LessThanEq",
  "Logic::GreaterThan",
  "Logic::GreaterThanEq",
  "Logic::IncludeOperator",
  "Logic::ExcludeOperator",
  "Logic::InDepartementOperator",
  "Logic::NotInDepartementOperator",
  "Logic::InRegionOperator",
  "Logic::NotInRegionOperator",
  // Editor placeholder for a rule not filled in yet; the reference computes it as true.
  "Logic::EmptyOperator",
] as const;
export type BinaryTerm = (typeof BINARY_TERMS)[number];

export const NARY_TERMS = ["Logic::And", "Logic::Or"] as const;
export type NaryTerm = (typeof NARY_TERMS)[number];

export type ConstantValue = string | number | boolean | string[];

export interface ChampValueNode {
  term: "Logic::ChampValue";
  stable_id: number;
}
export interface ConstantNode {
  term: "Logic::Constant";
  value: ConstantValue;
}
export interface EmptyNode {
  term: "Logic::Empty";
}
export interface BinaryNode<T extends BinaryTerm = BinaryTerm> {
  term: T;
  left: Condition;
  right: Condition;
}
export interface NaryNode<T extends NaryTerm = NaryTerm> {
  term: T;
  operands: Condition[];
}

export type Condition = ChampValueNode | ConstantNode | EmptyNode | BinaryNode | NaryNode;

export const ZChampValue = z.object({ term: z.literal("Logic::ChampValue"), stable_id: z.number().int() });
export const ZConstantValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
export const ZConstant = z.object({ term: z.literal("Logic::Constant"), value: ZConstantValue });
export const ZEmpty = z.object({ term: z.literal("Logic::Empty") });

const ZBinary = z.object({
  term: z.enum(BINARY_TERMS),
  get left(): z.ZodType<Condition> {
    return ZCondition;
  },
  get right(): z.ZodType<Condition> {
    return ZCondition;
  },
});

const ZNary = z.object({
  term: z.enum(NARY_TERMS),
  get operands(): z.ZodArray<z.ZodType<Condition>> {
    return z.array(ZCondition);
  },
});

export const ZCondition: z.ZodType<Condition> = z.discriminatedUnion("term", [ZChampValue, ZConstant, ZEmpty, ZBinary, ZNary]);

/** Parses stored jsonb; null when it is not a condition the reference could have written. */
export function parseCondition(json: unknown): Condition | null {
  const result = ZCondition.safeParse(json);
  return result.success ? result.data : null;
}

/**
 * A stored condition read once, where it leaves the database (fields: `loadRevisionChamps`):
 * `condition` null when there is none or when the stored JSON is no condition (`malformed`: the
 * editor says so and publication is refused; the form shows the field).
 */
export function readStoredCondition(json: unknown): { condition: Condition | null; malformed: boolean } {
  if (json === null || json === undefined) return { condition: null, malformed: false };
  const condition = parseCondition(json);
  return { condition, malformed: condition === null };
}

/** The reference's jsonb shape (key order as its `to_h`: term first). */
export function conditionToJson(condition: Condition): Condition {
  switch (condition.term) {
    case "Logic::ChampValue":
      return { term: condition.term, stable_id: condition.stable_id };
    case "Logic::Constant":
      return { term: condition.term, value: Array.isArray(condition.value) ? [...condition.value] : condition.value };
    case "Logic::Empty":
      return { term: condition.term };
    case "Logic::And":
    case "Logic::Or":
      return { term: condition.term, operands: condition.operands.map(conditionToJson) };
    default:
      return { term: condition.term, left: conditionToJson(condition.left), right: conditionToJson(condition.right) };
  }
}

export function isBinary(condition: Condition): condition is BinaryNode {
  return (BINARY_TERMS as readonly string[]).includes(condition.term);
}

export function isNary(condition: Condition): condition is NaryNode {
  return condition.term === "Logic::And" || condition.term === "Logic::Or";
}

/** Stable ids a condition reads (e.g. to forbid changing the type of a field used by a rule). */
export function referencedStableIds(condition: Condition): number[] {
  const ids = new Set<number>();
  const visit = (node: Condition): void => {
    if (node.term === "Logic::ChampValue") ids.add(node.stable_id);
    else if (isNary(node)) node.operands.forEach(visit);
    else if (isBinary(node)) {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(condition);
  return [...ids];
}

// Constructors, named like the reference's `Logic` helpers (`ds_eq`, `champ_value`, …).
export const champValue = (stableId: number): ChampValueNode => ({ term: "Logic::ChampValue", stable_id: stableId });
export const constant = (value: ConstantValue): ConstantNode => ({ term: "Logic::Constant", value });
export const empty = (): EmptyNode => ({ term: "Logic::Empty" });

const binary =
  <T extends BinaryTerm>(term: T) =>
  (left: Condition, right: Condition): BinaryNode<T> => ({ term, left, right });

export const eq = binary("Logic::Eq");
export const notEq = binary("Logic::NotEq");
export const lessThan = binary("Logic::LessThan");
export const lessThanEq = binary("Logic::LessThanEq");
export const greaterThan = binary("Logic::GreaterThan");
export const greaterThanEq = binary("Logic::GreaterThanEq");
export const includes = binary("Logic::IncludeOperator");
export const excludes = binary("Logic::ExcludeOperator");
export const inDepartement = binary("Logic::InDepartementOperator");
export const notInDepartement = binary("Logic::NotInDepartementOperator");
export const inRegion = binary("Logic::InRegionOperator");
export const notInRegion = binary("Logic::NotInRegionOperator");
export const emptyOperator = binary("Logic::EmptyOperator");

export const and = (...operands: Condition[]): NaryNode<"Logic::And"> => ({ term: "Logic::And", operands });
export const or = (...operands: Condition[]): NaryNode<"Logic::Or"> => ({ term: "Logic::Or", operands });
