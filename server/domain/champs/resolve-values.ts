/**
 * Completes parsed values with the server's reference data (the `resolve` facet of the types that
 * have one: communes, epci, address). Call it between `parseDraftValues` (or prefill) and storing:
 *
 *   const typed = await resolveChampValues(tree, parseDraftValues(tree, field, stored), { refs, stored, source: "form" });
 *
 * Pure apart from the injected `refs`. Values of other types pass through untouched.
 */
import { DEFAULT_LOCALE } from "../../../common/i18n/types";
import type { ReferenceData } from "../geo/reference-data";
import { type ChampKey, parseChampKey } from "../form/keys";
import { allFields } from "../form/tree";
import type { ChampDescriptor, JsonValue } from "./definition";
import { getTypeDeChamp, resolveOptions } from "./registry";

export interface ResolveValuesContext {
  refs: ReferenceData;
  /** Values stored before this change, by key: unchanged choices are kept without a lookup. */
  stored?: ReadonlyMap<ChampKey, unknown>;
  /** "prefill": unresolvable values are left out of the result (dropped, as prefill does with invalid values). */
  source: "form" | "prefill";
}

/** One value; null when `source` is "prefill" and it cannot be resolved. */
export async function resolveChampValue(
  descriptor: ChampDescriptor,
  value: JsonValue | null,
  context: { refs: ReferenceData; previous?: unknown; source: "form" | "prefill" },
): Promise<JsonValue | null> {
  const definition = getTypeDeChamp(descriptor.type);
  if (value === null || !definition.resolve) return value;
  const resolved = resolveOptions(descriptor);
  const options = resolved.ok ? resolved.options : definition.defaultOptions(DEFAULT_LOCALE);
  const previous = definition.valueSchema.safeParse(context.previous);
  return (await definition.resolve(value, {
    options,
    refs: context.refs,
    previous: previous.success ? previous.data : null,
    source: context.source,
  })) as JsonValue | null;
}

/** Every value of `values` (keys of `tree`'s fields), resolved concurrently; the input map is not changed. */
export async function resolveChampValues(
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, JsonValue | null>,
  context: ResolveValuesContext,
): Promise<Map<ChampKey, JsonValue | null>> {
  const fields = new Map(allFields(tree).map((field) => [field.stableId, field]));
  const result = new Map(values);
  await Promise.all(
    [...values].map(async ([key, value]) => {
      const stableId = parseChampKey(key)?.stableId;
      const descriptor = stableId === undefined ? undefined : fields.get(stableId);
      if (!descriptor || value === null || !getTypeDeChamp(descriptor.type).resolve) return;
      const resolved = await resolveChampValue(descriptor, value, {
        refs: context.refs,
        previous: context.stored?.get(key),
        source: context.source,
      });
      if (resolved === null && context.source === "prefill") result.delete(key);
      else result.set(key, resolved);
    }),
  );
  return result;
}
