/**
 * The form as a tree: top-level fields in order, repetition blocks carrying their children. Stored
 * revisions are flat lists with a parent (`parentStableId`); `buildFormTree` nests them once, and
 * `fieldInstances` expands a dossier's rows into every field occurrence in form order.
 */
import type { ChampDescriptor } from "../champs/definition";
import { type ChampKey, champKey, isRowIdList } from "./keys";

/** A field as a revision lists it: flat, with the stable id of its repetition block if any. */
export type FlatChampDescriptor = ChampDescriptor & { parentStableId: number | null };

/** Nests children under their repetition block, keeping each list's order. Orphans are dropped. */
export function buildFormTree<T extends FlatChampDescriptor>(flat: readonly T[]): Array<T & { children?: T[] }> {
  // (The return type says what callers get: the same rows, blocks with their children attached.)
  const children = new Map<number, T[]>();
  for (const field of flat) {
    if (field.parentStableId === null) continue;
    const list = children.get(field.parentStableId) ?? [];
    list.push(field);
    children.set(field.parentStableId, list);
  }
  return flat
    .filter((field) => field.parentStableId === null)
    .map((field) =>
      field.type === "repetition"
        ? { ...field, children: children.get(field.stableId) ?? [] }
        : (field as T & { children?: T[] }),
    );
}

/** Every field of the tree, each block followed by its children. */
export function allFields(tree: readonly ChampDescriptor[]): ChampDescriptor[] {
  return tree.flatMap((field) => [field, ...(field.children ?? [])]);
}

export function findField(tree: readonly ChampDescriptor[], stableId: number): ChampDescriptor | undefined {
  return allFields(tree).find((field) => field.stableId === stableId);
}

/** The row ids of a repetition block in a dossier (none when absent or malformed). */
export function rowIdsOf(values: ReadonlyMap<ChampKey, unknown>, stableId: number): string[] {
  // Checked without zod: the browser's form code uses the tree too (decision 0014).
  const value = values.get(champKey(stableId));
  return isRowIdList(value) ? [...value] : [];
}

/** One occurrence of a field in a dossier: a top-level field, or a child in one row of its block. */
export interface FieldInstance {
  descriptor: ChampDescriptor;
  key: ChampKey;
  rowId: string;
  /** The enclosing block and the row's position (0-based) for children; null at top level. */
  row: { block: ChampDescriptor; index: number } | null;
}

/** Every field occurrence of a dossier in form order (a block, then its rows' children). */
export function fieldInstances(tree: readonly ChampDescriptor[], values: ReadonlyMap<ChampKey, unknown>): FieldInstance[] {
  const instances: FieldInstance[] = [];
  for (const descriptor of tree) {
    instances.push({ descriptor, key: champKey(descriptor.stableId), rowId: "", row: null });
    if (descriptor.type !== "repetition") continue;
    for (const [index, rowId] of rowIdsOf(values, descriptor.stableId).entries()) {
      for (const child of descriptor.children ?? []) {
        instances.push({ descriptor: child, key: champKey(child.stableId, rowId), rowId, row: { block: descriptor, index } });
      }
    }
  }
  return instances;
}
