/**
 * Routing of dossiers to groupes instructeurs (ds-behaviour §5.1): each groupe may carry a rule
 * (a condition AST of `server/domain/conditions`); the first open groupe, in label order, whose rule
 * matches the dossier's values receives it, else the default groupe. A dossier an instructeur moved
 * by hand (forced) stays where it is. Pure: the caller loads the groupes and builds the context.
 */
import { type BinaryTerm, type Condition, champValue, constant, parseCondition } from "../conditions/ast";
import type { ChoiceLists, ConditionField } from "../conditions/editor";
import { ruleErrors, valueInputFor } from "../conditions/editor";
import { type ConditionContext, evaluateCondition } from "../conditions/evaluate";

export interface RoutableGroupe {
  id: number;
  label: string;
  closed: boolean;
  isDefault: boolean;
  /** Stored rule (raw jsonb); null: the groupe only receives dossiers by default or by hand. */
  routingRule: unknown;
}

export interface RoutingInput {
  groupes: readonly RoutableGroupe[];
  context: ConditionContext;
  /** The dossier's current groupe and whether an instructeur forced it there. */
  current?: { groupeId: number | null; forced: boolean };
}

/**
 * One collator for every sort: `localeCompare(b, "fr")` builds a collator per call, which made
 * ordering 5,000 groupes cost about 100 ms per routed dossier (bench/routing.ts).
 */
const LABEL_ORDER = new Intl.Collator("fr");

/** Groupes in routing order: label order (as the reference lists them), ids to break ties. */
export function routingOrder<T extends { id: number; label: string }>(groupes: readonly T[]): T[] {
  return [...groupes].sort((a, b) => LABEL_ORDER.compare(a.label, b.label) || a.id - b.id);
}

/** The groupe that receives the dossier; null only when the démarche has no groupe at all. */
export function routeDossier(input: RoutingInput): number | null {
  const { groupes, context, current } = input;
  if (current?.forced && current.groupeId !== null && groupes.some((g) => g.id === current.groupeId)) {
    return current.groupeId;
  }
  const { ordered, rules } = prepared(groupes);
  for (const { id, rule } of rules) if (evaluateCondition(rule, context)) return id;
  const fallback = groupes.find((g) => g.isDefault) ?? ordered[0];
  return fallback?.id ?? null;
}

/**
 * The groupes in routing order and the open groupes' parsed rules, once per groupes list: re-routing
 * routes a batch of dossiers against the same list of (up to 5,000) groupes.
 */
const PREPARED = new WeakMap<
  readonly RoutableGroupe[],
  { ordered: RoutableGroupe[]; rules: Array<{ id: number; rule: Condition }> }
>();
function prepared(groupes: readonly RoutableGroupe[]) {
  let found = PREPARED.get(groupes);
  if (!found) {
    const ordered = routingOrder(groupes);
    const rules: Array<{ id: number; rule: Condition }> = [];
    for (const groupe of ordered) {
      if (groupe.closed || groupe.routingRule === null || groupe.routingRule === undefined) continue;
      const rule = parseCondition(groupe.routingRule);
      if (rule !== null) rules.push({ id: groupe.id, rule });
    }
    found = { ordered, rules };
    PREPARED.set(groupes, found);
  }
  return found;
}

export type RoutingProblem = "rule_invalid" | "rule_duplicate";

/**
 * What is wrong with the groupes' rules, by groupe id: a rule that reads a deleted or incompatible
 * field (or is incomplete), two groupes with the same rule. Shown on the groupes pages and blocking
 * publication.
 */
export function routingProblems(
  groupes: readonly RoutableGroupe[],
  fields: readonly ConditionField[],
  lists: ChoiceLists,
): Map<number, RoutingProblem[]> {
  const problems = new Map<number, RoutingProblem[]>();
  const add = (id: number, problem: RoutingProblem) => problems.set(id, [...(problems.get(id) ?? []), problem]);
  const available = fields.filter((f) => f.parentStableId === null);
  const seen = new Map<string, number[]>();
  for (const groupe of groupes) {
    if (groupe.routingRule === null || groupe.routingRule === undefined) continue;
    const rule = parseCondition(groupe.routingRule);
    if (rule === null || ruleErrors(rule, available, lists).length > 0) add(groupe.id, "rule_invalid");
    const key = canonical(groupe.routingRule);
    seen.set(key, [...(seen.get(key) ?? []), groupe.id]);
  }
  for (const ids of seen.values()) if (ids.length > 1) for (const id of ids) add(id, "rule_duplicate");
  return problems;
}

/** A JSON text with sorted keys: equal rules give equal texts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Field types simple routing offers: one groupe per value of the field. */
export const SIMPLE_ROUTING_TYPES = ["drop_down_list", "departements", "regions", "pays", "communes", "epci", "address"] as const;

export interface SimpleRoutingGroupe {
  label: string;
  rule: Condition;
}

/**
 * Simple routing on one field: one groupe per value, each with the rule `field == value` (or
 * « in département » for communes, EPCI and addresses). Null when the field cannot be used.
 */
export function simpleRoutingGroupes(field: ConditionField, lists: ChoiceLists): SimpleRoutingGroupe[] | null {
  if (field.parentStableId !== null || !(SIMPLE_ROUTING_TYPES as readonly string[]).includes(field.type)) return null;
  const operator: BinaryTerm =
    field.type === "communes" || field.type === "epci" || field.type === "address" ? "Logic::InDepartementOperator" : "Logic::Eq";
  const input = valueInputFor(field, operator, lists);
  if (input?.kind !== "choice") return null;
  const choices = input.choices.filter((choice) => choice.value !== "__other__");
  if (choices.length === 0) return null;
  return choices.map((choice) => ({
    label: choice.label.trim() === "" ? choice.value : choice.label,
    rule: { term: operator, left: champValue(field.stableId), right: constant(choice.value) } as Condition,
  }));
}
