/**
 * A field's id in the API and in prefill links: the global id of `Champ-<stable_id>`, or
 * `Champ-<stable_id>|<row_id>` inside a repetition (the shape of a `ChampKey`).
 */
import { fromGlobalId, toGlobalId } from "../global-id";

/** Id of a field (descriptor) or of its value: `Champ-<stable_id>` or `Champ-<stable_id>|<row_id>`. */
export function champId(stableId: number, rowId?: string | null): string {
  return toGlobalId("Champ", rowId ? `${stableId}|${rowId}` : String(stableId));
}

/** Inverse of `champId`; null when the id is not a field id. */
export function parseChampId(id: string): { stableId: number; rowId: string | null } | null {
  const parsed = fromGlobalId(id);
  if (parsed?.type !== "Champ") return null;
  const match = /^(\d{1,15})(?:\|([A-Za-z0-9]+))?$/.exec(parsed.id);
  if (!match) return null;
  return { stableId: Number(match[1]), rowId: match[2] ?? null };
}
