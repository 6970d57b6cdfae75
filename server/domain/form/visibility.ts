/**
 * Which fields of a dossier are hidden by their conditions, with the reference's rules
 * (`champ_conditional_concern.rb`): a field with a condition is shown only when it evaluates true
 * against the other fields' values — top-level fields, and the fields of the same row inside a
 * block —, a hidden field reads as empty for the fields below it, and the children of a hidden
 * block are hidden. Pure: runs on the server at every save and in the browser as the usager types.
 */
import type { ChampDescriptor } from "../champs/definition";
import { type ConditionContext, evaluateCondition } from "../conditions/evaluate";
import type { ConditionChampType } from "../conditions/types";
import { geoConditionLookups } from "../geo/condition-codes";
import { type ChampKey, champKey } from "./keys";
import { allFields, rowIdsOf } from "./tree";

/** Geography for the département/région operators: by default read from the values' own codes. */
export interface GeoLookups {
  departementOf?: ConditionContext["departementOf"];
  regionOf?: ConditionContext["regionOf"];
}

function dropDownOptions(descriptor: ChampDescriptor): readonly string[] | undefined {
  const options = descriptor.options.options;
  if (!Array.isArray(options)) return undefined;
  return options.filter((o): o is string => typeof o === "string");
}

/**
 * What a condition reads, for the fields of one row (rowId "" and no siblings at top level): a
 * sibling's value in the same row, else the top-level value; hidden occurrences read as empty.
 */
export function conditionContext(
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey>,
  siblings: ReadonlySet<number>,
  rowId: string,
  geo: GeoLookups,
): ConditionContext {
  const byStableId = new Map(allFields(tree).map((field) => [field.stableId, field]));
  const keyOf = (stableId: number) => champKey(stableId, siblings.has(stableId) ? rowId : "");
  const options = new Map<number, readonly string[] | undefined>();
  return {
    valueOf: (stableId) => values.get(keyOf(stableId)),
    typeOf: (stableId) => byStableId.get(stableId)?.type as ConditionChampType | undefined,
    isVisible: (stableId) => !hidden.has(keyOf(stableId)),
    // Read once per field: routing evaluates one rule per groupe (5,000) against the same context.
    dropDownOptionsOf: (stableId) => {
      if (!options.has(stableId)) {
        const field = byStableId.get(stableId);
        options.set(stableId, field ? dropDownOptions(field) : undefined);
      }
      return options.get(stableId);
    },
    departementOf: geo.departementOf,
    regionOf: geo.regionOf,
  };
}

/** A stored condition that cannot be read (parsed to null on load) shows the field: data entry is never blocked by a broken rule. */
function isShown(descriptor: ChampDescriptor, ctx: ConditionContext): boolean {
  return descriptor.condition ? evaluateCondition(descriptor.condition, ctx) : true;
}

/** Keys of the hidden field occurrences (blocks, their rows' children, and top-level fields). */
export function hiddenKeys(
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  geo: GeoLookups = geoConditionLookups,
): Set<ChampKey> {
  const hidden = new Set<ChampKey>();
  const topLevel = conditionContext(tree, values, hidden, new Set(), "", geo);
  for (const descriptor of tree) {
    const blockHidden = !isShown(descriptor, topLevel);
    if (blockHidden) hidden.add(champKey(descriptor.stableId));
    if (descriptor.type !== "repetition") continue;
    const children = descriptor.children ?? [];
    const siblings = new Set(children.map((child) => child.stableId));
    for (const rowId of rowIdsOf(values, descriptor.stableId)) {
      const row = conditionContext(tree, values, hidden, siblings, rowId, geo);
      for (const child of children) {
        if (blockHidden || !isShown(child, row)) hidden.add(champKey(child.stableId, rowId));
      }
    }
  }
  return hidden;
}
