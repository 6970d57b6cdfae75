/**
 * The « Ajouter un élément » / « Supprimer l'élément » buttons of repetition blocks post the form
 * with `intent=row-add:<block stable id>` or `intent=row-remove:<block stable id>|<row id>`. The
 * row change is applied to the form as posted (its hidden row inputs), so the same lenient or
 * strict save then keeps everything else that was typed.
 */
import type { ChampDescriptor, FormInput } from "../champs/definition";
import { MAX_ROWS, repetition } from "../champs/types/repetition";
import { champInputName } from "../champs/validate-dossier";
import { type ChampKey, newRowId, parseChampKey } from "./keys";
import { rowIdsOf } from "./tree";

export type RowIntent = { kind: "add"; stableId: number } | { kind: "remove"; stableId: number; rowId: string };

export function parseRowIntent(intent: string): RowIntent | null {
  if (intent.startsWith("row-add:")) {
    const key = parseChampKey(intent.slice("row-add:".length));
    return key && key.rowId === "" ? { kind: "add", stableId: key.stableId } : null;
  }
  if (intent.startsWith("row-remove:")) {
    const key = parseChampKey(intent.slice("row-remove:".length));
    return key && key.rowId !== "" ? { kind: "remove", stableId: key.stableId, rowId: key.rowId } : null;
  }
  return null;
}

/**
 * The form reader with the block's rows changed, and the row added (to focus it). Null when the
 * intent names no repetition block of this form (nothing to do: a stale or forged button).
 */
export function applyRowIntent(
  intent: RowIntent,
  tree: readonly ChampDescriptor[],
  field: (name: string) => FormInput,
  stored: ReadonlyMap<ChampKey, unknown>,
): { field: (name: string) => FormInput; addedRowId: string | null } | null {
  const block = tree.find((d) => d.stableId === intent.stableId && d.type === "repetition");
  if (!block) return null;
  const name = champInputName(block.stableId);
  const posted = field(name);
  const current = posted === undefined ? rowIdsOf(stored, block.stableId) : (repetition.parseFormInput(posted, {}) ?? []);
  let rows = current;
  let addedRowId: string | null = null;
  if (intent.kind === "add") {
    if (current.length >= MAX_ROWS) return { field, addedRowId: null };
    do addedRowId = newRowId();
    while (current.includes(addedRowId));
    rows = [...current, addedRowId];
  } else {
    rows = current.filter((rowId) => rowId !== intent.rowId);
  }
  const changed = ["", ...rows];
  return { field: (input) => (input === name ? changed : field(input)), addedRowId };
}
