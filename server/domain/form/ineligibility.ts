/**
 * Ineligibility rules of a revision (the reference's `ineligibilite_rules`): a condition on the
 * public fields which, when it evaluates true, means the usager cannot submit — the message says why.
 */
import type { ChampDescriptor } from "../champs/definition";
import { parseCondition } from "../conditions/ast";
import { evaluateCondition } from "../conditions/evaluate";
import { geoConditionLookups } from "../geo/condition-codes";
import type { ChampKey } from "./keys";
import { conditionContext, type GeoLookups } from "./visibility";

export interface IneligibilityRules {
  enabled: boolean;
  message: string | null;
  rules: unknown;
}

/** True when enabled rules match the (visible, filled) top-level values. A broken rule never blocks. */
export function isIneligible(
  ineligibility: IneligibilityRules | null | undefined,
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey>,
  geo: GeoLookups = geoConditionLookups,
): boolean {
  if (!ineligibility?.enabled) return false;
  const condition = parseCondition(ineligibility.rules);
  if (condition === null) return false;
  return evaluateCondition(condition, conditionContext(tree, values, hidden, new Set(), "", geo));
}
