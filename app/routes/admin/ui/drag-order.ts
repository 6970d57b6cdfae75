/** Order arithmetic of the form editor's drag and drop (pure, tested in drag-order.test.ts). */

/** The index a field moved from `from` takes when dropped before/after the field at `target`. */
export function dropIndex(from: number, target: number, after: boolean): number {
  const insertAt = after ? target + 1 : target;
  return from < insertAt ? insertAt - 1 : insertAt;
}

/** `list` with the field `stableId` moved to `toIndex` (the order shown while the move is saved). */
export function withMove<T extends { stableId: number }>(list: readonly T[], stableId: number, toIndex: number): T[] {
  const from = list.findIndex((c) => c.stableId === stableId);
  if (from < 0) return [...list];
  const moved = [...list];
  const [item] = moved.splice(from, 1);
  moved.splice(Math.max(0, Math.min(moved.length, toIndex)), 0, item as T);
  return moved;
}
