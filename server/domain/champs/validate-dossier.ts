/**
 * Whole-form operations on a dossier's values: strict validation at submission, lenient parsing of
 * an autosaved/posted form, and clearing what conditions hide. Values are keyed by `ChampKey`
 * (stable id, plus row id inside repetition blocks: `server/domain/form/keys.ts`), so they survive
 * revisions; the form is a tree (`server/domain/form/tree.ts`).
 */
import { DEFAULT_LOCALE } from "../../../common/i18n/types";
import { type ChampKey, champInputName, champKey, champPartName } from "../form/keys";
import { fieldInstances, rowIdsOf } from "../form/tree";
import { hiddenKeys } from "../form/visibility";
import type { ChampDescriptor, FormInput, JsonValue } from "./definition";
import { champError, type ChampError } from "./errors";
import { getTypeDeChamp, resolveOptions } from "./registry";

// The HTML names live with the keys (zod-free, for the browser's form code); re-exported here.
export { champInputName, champPartName };

export type ReadChampValue = { ok: true; value: JsonValue | null } | { ok: false };

/**
 * Reads a stored value with the descriptor's type: absent/null → null, wrong shape → not ok
 * (a value written under another type, or corrupted data).
 */
export function readChampValue(descriptor: ChampDescriptor, raw: unknown): ReadChampValue {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  const result = getTypeDeChamp(descriptor.type).valueSchema.safeParse(raw);
  return result.success ? { ok: true, value: result.data as JsonValue } : { ok: false };
}

/** Strict check of one champ, as at submission. Null when acceptable (or when the field has no value). */
export function validateChampValue(descriptor: ChampDescriptor, raw: unknown): ChampError | null {
  const definition = getTypeDeChamp(descriptor.type);
  if (!definition.hasValue) return null;

  const read = readChampValue(descriptor, raw);
  if (!read.ok) return champError("invalid_value", descriptor);

  const resolved = resolveOptions(descriptor);
  if (!resolved.ok) {
    // Broken options cannot judge a value; still let optional blank fields through.
    if (!definition.isBlank(read.value)) return champError("misconfigured", descriptor);
    return descriptor.mandatory ? champError("required", descriptor) : null;
  }
  return definition.validateForSubmit(read.value, { ...descriptor, options: resolved.options });
}

export interface ChampValidationIssue {
  key: ChampKey;
  stableId: number;
  error: ChampError;
}

/**
 * Validates every visible field occurrence for submission (hidden ones are not validated: they are
 * cleared at submission); one issue per invalid occurrence, in form order.
 */
export function validateChampsForSubmit(
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey> = hiddenKeys(tree, values),
): ChampValidationIssue[] {
  const issues: ChampValidationIssue[] = [];
  for (const { descriptor, key } of fieldInstances(tree, values)) {
    if (hidden.has(key)) continue;
    const error = validateChampValue(descriptor, values.get(key));
    if (error) issues.push({ key, stableId: descriptor.stableId, error });
  }
  return issues;
}

/**
 * Lenient parse of a posted form into values to store (autosave, "save draft", and the first step
 * of submission). Fields whose input is absent from the form are left out, so a partial post (one
 * field autosaved) does not erase the others; an emptied field maps to null. Children are read for
 * the rows posted with the form (hidden inputs of each block), else those already `stored`.
 */
export function parseDraftValues(
  tree: readonly ChampDescriptor[],
  formData: (name: string) => FormInput,
  stored: ReadonlyMap<ChampKey, unknown> = new Map(),
): Map<ChampKey, JsonValue | null> {
  const values = new Map<ChampKey, JsonValue | null>();
  const read = (descriptor: ChampDescriptor, key: ChampKey) => {
    const definition = getTypeDeChamp(descriptor.type);
    if (!definition.hasValue || definition.writtenByForm === false) return;
    const raw = formData(champInputName(key));
    if (raw === undefined) return;
    const resolved = resolveOptions(descriptor);
    // Drafts never lose input: with unusable options, parse against the type's defaults.
    const options = resolved.ok ? resolved.options : definition.defaultOptions(DEFAULT_LOCALE);
    const part = (suffix: string) => formData(champPartName(key, suffix));
    values.set(key, definition.parseFormInput(raw, options, part) as JsonValue | null);
  };
  for (const descriptor of tree) {
    const key = champKey(descriptor.stableId);
    read(descriptor, key);
    if (descriptor.type !== "repetition") continue;
    // The rows posted with the form (rows added or removed on the page), else the stored ones.
    const rows = values.has(key) ? rowIdsOf(values, descriptor.stableId) : rowIdsOf(stored, descriptor.stableId);
    for (const rowId of rows) {
      for (const child of descriptor.children ?? []) read(child, champKey(child.stableId, rowId));
    }
  }
  return values;
}

/**
 * What submission clears, as the reference's `clean_champs_after_submit!`: every hidden occurrence
 * that still holds a value (a hidden block loses its rows, hence its children's values too).
 */
export function hiddenValuesToClear(
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey>,
): Map<ChampKey, null> {
  const cleared = new Map<ChampKey, null>();
  for (const { key, descriptor } of fieldInstances(tree, values)) {
    if (!hidden.has(key) || values.get(key) == null) continue;
    cleared.set(key, null);
    if (descriptor.type === "repetition") {
      for (const rowId of rowIdsOf(values, descriptor.stableId)) {
        for (const child of descriptor.children ?? []) {
          if (values.get(champKey(child.stableId, rowId)) != null) cleared.set(champKey(child.stableId, rowId), null);
        }
      }
    }
  }
  return cleared;
}
