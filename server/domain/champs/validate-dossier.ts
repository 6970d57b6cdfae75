/**
 * Whole-form operations on champ values: strict validation at submission and lenient parsing of
 * an autosaved/posted form. Values are keyed by stable_id, so they survive revisions.
 *
 * Visibility (conditions) is not evaluated here yet: pass only the descriptors that are visible.
 */
import { DEFAULT_LOCALE } from "../../../app/i18n/types";
import type { ChampDescriptor, FormInput, JsonValue } from "./definition";
import { champError, type ChampError } from "./errors";
import { getTypeDeChamp, resolveOptions } from "./registry";

/** HTML name of a champ's input. Prefill keys (`champ_<base64 id>`) are a different, API-side format. */
export function champInputName(stableId: number): string {
  return `champ_${stableId}`;
}

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
  stableId: number;
  error: ChampError;
}

/** Validates every field with a value for submission; returns one issue per invalid field, in form order. */
export function validateChampsForSubmit(
  descriptors: readonly ChampDescriptor[],
  values: ReadonlyMap<number, unknown>,
): ChampValidationIssue[] {
  const issues: ChampValidationIssue[] = [];
  for (const descriptor of descriptors) {
    const error = validateChampValue(descriptor, values.get(descriptor.stableId));
    if (error) issues.push({ stableId: descriptor.stableId, error });
  }
  return issues;
}

/**
 * Lenient parse of a posted form into values to store (autosave, "save draft", and the first step
 * of submission). Fields whose input is absent from the form are left out, so a partial post (one
 * field autosaved) does not erase the others; an emptied field maps to null.
 */
export function parseDraftValues(
  descriptors: readonly ChampDescriptor[],
  formData: (name: string) => FormInput,
): Map<number, JsonValue | null> {
  const values = new Map<number, JsonValue | null>();
  for (const descriptor of descriptors) {
    const definition = getTypeDeChamp(descriptor.type);
    if (!definition.hasValue) continue;
    const raw = formData(champInputName(descriptor.stableId));
    if (raw === undefined) continue;
    const resolved = resolveOptions(descriptor);
    // Drafts never lose input: with unusable options, parse against the type's defaults.
    const options = resolved.ok ? resolved.options : definition.defaultOptions(DEFAULT_LOCALE);
    values.set(descriptor.stableId, definition.parseFormInput(raw, options) as JsonValue | null);
  }
  return values;
}
