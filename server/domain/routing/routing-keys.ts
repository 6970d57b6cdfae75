/**
 * Routing by lookup instead of evaluating every rule (issue 11, « 5,000 groupes »). Most rules have
 * the form « field op "text" » (simple routing writes one per groupe): `Logic::Eq`,
 * `Logic::InDepartementOperator` or `Logic::InRegionOperator` between a field and a text constant.
 * Such a rule holds exactly when the field reads as that text for that operator (`keyedOperands`),
 * so it is stored under the key `term:stableId:text` (the generated column
 * `groupes_instructeurs.routing_key`, whose SQL `ruleRoutingKey` mirrors) and found by the keys the
 * dossier's values give (`dossierRoutingKeys`). Every other rule is stored under `*` and always a
 * candidate. The candidates (keyed matches, `*` rules, the default and current groupes) then go
 * through the unchanged `routeDossier`: the first matching open groupe in label order among them is
 * the first among all groupes, because every matching groupe is a candidate.
 */
import type { ConditionContext } from "../conditions/evaluate";
import { keyedOperands } from "../conditions/evaluate";
import type { RoutableGroupe } from "./routing";

/** The key of rules that are not « field op "text" »: evaluated for every dossier. */
export const UNKEYED_RULE = "*";

/** Longest keyed constant, in characters (as PostgreSQL's `length`). */
const MAX_KEYED_TEXT = 500;
const KEYED_TERMS = ["Logic::Eq", "Logic::InDepartementOperator", "Logic::InRegionOperator"] as const;
/** Stable ids as PostgreSQL prints an integral jsonb number; longer ones are not keyed. */
const STABLE_ID_TEXT = /^[0-9]{1,15}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The routing key of a stored rule, as the generated column `routing_key` computes it in SQL
 * (`ROUTING_KEY_SQL` in server/db/schema.ts): null without a rule.
 */
export function ruleRoutingKey(rule: unknown): string | null {
  if (rule === null || rule === undefined) return null;
  if (!isObject(rule) || !(KEYED_TERMS as readonly unknown[]).includes(rule.term)) return UNKEYED_RULE;
  const { left, right } = rule;
  if (!isObject(left) || left.term !== "Logic::ChampValue" || typeof left.stable_id !== "number") return UNKEYED_RULE;
  if (!isObject(right) || right.term !== "Logic::Constant" || typeof right.value !== "string") return UNKEYED_RULE;
  // A longer text would not fit in an index entry; such rules are evaluated like any other.
  if ([...right.value].length > MAX_KEYED_TEXT) return UNKEYED_RULE;
  const stableId = String(left.stable_id);
  if (!STABLE_ID_TEXT.test(stableId)) return UNKEYED_RULE;
  return `${rule.term}:${stableId}:${right.value}`;
}

/**
 * The keys under which a rule matching this dossier can be stored: for each field of its revision,
 * what it reads as for each keyed operator, and `*`. `stableIds`: every field of the revision
 * (a rule on a field outside the revision never matches).
 */
export function dossierRoutingKeys(stableIds: Iterable<number>, ctx: ConditionContext): string[] {
  const keys = new Set<string>([UNKEYED_RULE]);
  for (const stableId of stableIds) {
    const operands = keyedOperands(stableId, ctx);
    if (operands.eq !== undefined) keys.add(`Logic::Eq:${stableId}:${operands.eq}`);
    if (operands.departement !== undefined) keys.add(`Logic::InDepartementOperator:${stableId}:${operands.departement}`);
    if (operands.region !== undefined) keys.add(`Logic::InRegionOperator:${stableId}:${operands.region}`);
  }
  return [...keys];
}

/**
 * The groupes the database returns for these keys (the query of `loadRoutingCandidates`, in
 * memory): keyed candidates, unkeyed rules, the default groupe and the current one. For tests.
 */
export function routingCandidates<T extends RoutableGroupe>(
  groupes: readonly T[],
  keys: readonly string[],
  currentGroupeId: number | null,
): T[] {
  const wanted = new Set(keys);
  return groupes.filter((g) => {
    const key = ruleRoutingKey(g.routingRule);
    return (key !== null && wanted.has(key)) || g.isDefault || g.id === currentGroupeId;
  });
}
