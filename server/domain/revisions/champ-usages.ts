/**
 * Which rules read a field: other fields' visibility conditions, the ineligibility rules and
 * (later) routing rules. A field in use cannot be deleted, nor changed to a type the rule can no
 * longer read (the reference forbids both; the administrateur is told which rules use it).
 */
import { type Condition, parseCondition, referencedStableIds } from "../conditions/ast";
import type { ConditionChampType } from "../conditions/types";
import { type AvailableChamp, conditionErrors } from "../conditions/validate";

/** A field of the draft as the guards need it. */
export interface GuardedField {
  stableId: number;
  type: string;
  libelle: string;
  options: Record<string, unknown>;
  /** Parsed when the revision was read. */
  condition: Condition | null;
}

export interface RoutingRule {
  label: string;
  rule: unknown;
}

export type ChampUsage =
  | { kind: "condition"; stableId: number; libelle: string; condition: Condition }
  | { kind: "ineligibilite"; condition: Condition }
  | { kind: "routing"; label: string; condition: Condition };

export interface UsageContext {
  fields: readonly GuardedField[];
  ineligibiliteRules: unknown;
  routingRules?: readonly RoutingRule[];
}

const uses = (condition: Condition | null, targets: ReadonlySet<number>): condition is Condition =>
  condition !== null && referencedStableIds(condition).some((id) => targets.has(id));

/**
 * Rules reading any of `targets`. Conditions of the targets themselves are left out (deleting a
 * repetition block with its children: a child's condition on a sibling is deleted with it).
 */
export function champUsages(targets: ReadonlySet<number>, context: UsageContext): ChampUsage[] {
  const usages: ChampUsage[] = [];
  for (const field of context.fields) {
    if (targets.has(field.stableId)) continue;
    const { condition } = field;
    if (uses(condition, targets)) usages.push({ kind: "condition", stableId: field.stableId, libelle: field.libelle, condition });
  }
  const ineligibilite = parseCondition(context.ineligibiliteRules);
  if (uses(ineligibilite, targets)) usages.push({ kind: "ineligibilite", condition: ineligibilite });
  for (const routing of context.routingRules ?? []) {
    const condition = parseCondition(routing.rule);
    if (uses(condition, targets)) usages.push({ kind: "routing", label: routing.label, condition });
  }
  return usages;
}

/** A field as condition validation sees it (its type, and its choices for drop-down lists). */
export function availableChampOf(field: Pick<GuardedField, "stableId" | "type" | "options">): AvailableChamp {
  const choices = field.options.options;
  const list = Array.isArray(choices) ? choices.filter((c): c is string => typeof c === "string") : undefined;
  const hasChoices = field.type === "drop_down_list" || field.type === "multiple_drop_down_list";
  return {
    stableId: field.stableId,
    type: field.type as ConditionChampType,
    ...(hasChoices && list ? { options: list } : {}),
    ...(field.type === "drop_down_list" ? { other: field.options.other === true } : {}),
  };
}

function errorsAbout(condition: Condition, available: readonly AvailableChamp[], stableId: number): string[] {
  return conditionErrors(condition, available)
    .filter((error) => error.stableId === stableId)
    .map((error) => `${error.code}:${error.term ?? ""}`);
}

/**
 * Usages that a type change of field `stableId` (to `type` with `options`) would break: the rule
 * was valid for this field and is not any more (an operator the new type does not support, a
 * constant that is no longer one of its choices, a type conditions cannot read).
 */
export function usagesBrokenByTypeChange(
  stableId: number,
  next: { type: string; options: Record<string, unknown> },
  context: UsageContext,
): ChampUsage[] {
  const before = context.fields.map(availableChampOf);
  const after = context.fields.map((f) => (f.stableId === stableId ? availableChampOf({ ...f, ...next }) : availableChampOf(f)));
  return champUsages(new Set([stableId]), context).filter((usage) => {
    const existing = new Set(errorsAbout(usage.condition, before, stableId));
    return errorsAbout(usage.condition, after, stableId).some((error) => !existing.has(error));
  });
}
