/**
 * Which type changes keep the values already stored in dossiers readable, and how a value is
 * converted: each type's `casts` facet (the reference's `Columns::ChampColumn` cast table, slightly
 * widened to lossless conversions into free text). A value stored under another type that cannot be converted is
 * treated as empty by readers — the stored row itself is never destroyed, so changing the type
 * back in a later revision shows it again.
 */
import type { Cast, JsonValue } from "../champs/definition";
import { getTypeDeChamp, isTypeChamp } from "../champs/registry";

/** The cast from one type to another (the source type's `casts` facet); undefined: incompatible. */
function castOf(from: string, to: string): Cast | undefined {
  if (!isTypeChamp(from) || !isTypeChamp(to)) return undefined;
  return getTypeDeChamp(from).casts[to];
}

/** True when values of `from` stay readable once the field is of type `to` (same type included). */
export function isCompatibleTypeChange(from: string, to: string): boolean {
  return from === to || castOf(from, to) !== undefined;
}

/** Types a field of type `from` can become while keeping its values, in no particular order. */
export function compatibleTargets(from: string): string[] {
  return isTypeChamp(from) ? Object.keys(getTypeDeChamp(from).casts) : [];
}

export type CastResult = { ok: true; value: JsonValue } | { ok: false };

/**
 * The value as the target type stores it. Not ok when the pair is incompatible, when this
 * particular value does not convert, or when the result does not fit the target's value schema.
 */
export function castChampValue(from: string, to: string, value: JsonValue): CastResult {
  if (!isTypeChamp(to)) return { ok: false };
  const cast = from === to ? (v: JsonValue) => v : castOf(from, to);
  const converted = cast?.(value);
  if (converted === undefined) return { ok: false };
  const parsed = getTypeDeChamp(to).valueSchema.safeParse(converted);
  return parsed.success ? { ok: true, value: parsed.data as JsonValue } : { ok: false };
}

/**
 * What a reader should take as the value of a field of type `fieldType`, given what is stored
 * (written while the field had type `storedType`): the value itself, its conversion, or null (empty).
 */
export function readableStoredValue(fieldType: string, storedType: string, value: unknown): JsonValue | null {
  if (value === null || value === undefined) return null;
  const result = castChampValue(storedType, fieldType, value as JsonValue);
  return result.ok ? result.value : null;
}
