/**
 * Which type changes keep the values already stored in dossiers readable, and how a value is
 * converted (the reference's `Columns::ChampColumn` cast table, slightly widened to lossless
 * conversions into free text). A value stored under another type that cannot be converted is
 * treated as empty by readers — the stored row itself is never destroyed, so changing the type
 * back in a later revision shows it again.
 */
import type { JsonValue } from "../champs/definition";
import { getTypeDeChamp, isTypeChamp } from "../champs/registry";

/** Converts a value of the source type into the target type's shape; undefined: this value does not convert. */
type Cast = (value: JsonValue) => JsonValue | undefined;

const same: Cast = (value) => (typeof value === "string" ? value : undefined);
const INTEGRAL = /^(-?\d+)(\.0*)?$/;

/** Free-text types: anything stored as one string reads as text. */
const toText: Cast = (value) =>
  typeof value === "string"
    ? value
    : Array.isArray(value) && value.every((v) => typeof v === "string")
      ? value.join(", ")
      : undefined;

const CASTS: Record<string, Record<string, Cast>> = {
  text: { textarea: same },
  textarea: { text: same },
  integer_number: { decimal_number: same, text: toText, textarea: toText },
  // 12.0 is still an integer; 12.5 is not (that value reads as empty, it is not rounded).
  decimal_number: {
    integer_number: (value) => (typeof value === "string" ? INTEGRAL.exec(value)?.[1] : undefined),
    text: toText,
    textarea: toText,
  },
  email: { text: toText, textarea: toText },
  phone: { text: toText, textarea: toText },
  iban: { text: toText, textarea: toText },
  siret: { text: toText, textarea: toText },
  checkbox: { yes_no: same },
  yes_no: { checkbox: same },
  drop_down_list: {
    multiple_drop_down_list: (value) => (typeof value === "string" ? [value] : undefined),
    text: toText,
    textarea: toText,
  },
  multiple_drop_down_list: {
    // One choice converts; several cannot be one.
    drop_down_list: (value) =>
      Array.isArray(value) && value.length === 1 && typeof value[0] === "string" ? value[0] : undefined,
    text: toText,
    textarea: toText,
  },
  date: { datetime: (value) => (typeof value === "string" ? `${value}T00:00` : undefined) },
  datetime: { date: (value) => (typeof value === "string" ? value.slice(0, 10) : undefined) },
};

/** True when values of `from` stay readable once the field is of type `to` (same type included). */
export function isCompatibleTypeChange(from: string, to: string): boolean {
  return from === to || CASTS[from]?.[to] !== undefined;
}

/** Types a field of type `from` can become while keeping its values, in no particular order. */
export function compatibleTargets(from: string): string[] {
  return Object.keys(CASTS[from] ?? {});
}

export type CastResult = { ok: true; value: JsonValue } | { ok: false };

/**
 * The value as the target type stores it. Not ok when the pair is incompatible, when this
 * particular value does not convert, or when the result does not fit the target's value schema.
 */
export function castChampValue(from: string, to: string, value: JsonValue): CastResult {
  if (!isTypeChamp(to)) return { ok: false };
  const cast = from === to ? (v: JsonValue) => v : CASTS[from]?.[to];
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
