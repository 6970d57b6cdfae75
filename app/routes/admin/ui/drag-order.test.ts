import { describe, expect, it } from "vitest";
import { dropIndex, withMove } from "./drag-order";

describe("dropIndex", () => {
  it.each([
    // from, target, after, expected (list of 5)
    [0, 3, false, 2],
    [0, 3, true, 3],
    [4, 0, false, 0],
    [4, 0, true, 1],
    [2, 2, false, 2],
    [2, 2, true, 2],
    [2, 1, true, 2],
    [2, 3, false, 2],
    [1, 4, true, 4],
  ])("from %i onto %i (after: %s) → %i", (from, target, after, expected) => {
    expect(dropIndex(from, target, after)).toBe(expected);
  });
});

describe("withMove", () => {
  const list = [1, 2, 3, 4].map((stableId) => ({ stableId }));
  it.each([
    [1, 3, [2, 3, 4, 1]],
    [4, 0, [4, 1, 2, 3]],
    [2, 2, [1, 3, 2, 4]],
    [3, 99, [1, 2, 4, 3]],
    [9, 0, [1, 2, 3, 4]],
  ])("moves %i to %i", (stableId, toIndex, expected) => {
    expect(withMove(list, stableId, toIndex).map((c) => c.stableId)).toEqual(expected);
  });
});
