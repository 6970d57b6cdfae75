/**
 * Field ids as the reference platform writes them: base64 of `Champ-<stable_id>`, or
 * `Champ-<stable_id>|<row_id>` inside a repetition block — the API's `Champ.id` and
 * `ChampDescriptor.id`, and the key of prefill parameters (`champ_<field id>`).
 * Node only (base64 via Buffer): the browser uses `ChampKey` (`keys.ts`).
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
