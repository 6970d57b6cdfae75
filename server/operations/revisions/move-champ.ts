import { z } from "zod";
import type { Db } from "../../db/client";
import { NotFoundError, parseOrBadRequest } from "../../errors";
import { draftCoordinates, findDraftCoordinate, lockDraft, renumber } from "./draft-revision";

const ZMoveChamp = z.object({
  stableId: z.number().int(),
  direction: z.enum(["up", "down"]).optional(),
  /** Absolute target index (drag and drop); wins over direction. */
  toIndex: z.number().int().min(0).optional(),
});

/** Moves a field up or down (keyboard buttons) or to an index (drag and drop) in its list (top level or block). */
export async function moveChamp(db: Db, administrateurId: number, demarcheId: number, input: z.input<typeof ZMoveChamp>) {
  await db.transaction(async (tx) => {
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const { stableId, direction, toIndex } = parseOrBadRequest(ZMoveChamp, input);
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    // Within its own list: the top level, or the block it belongs to.
    const ids = (await draftCoordinates(tx, draftRevisionId, coordinate.private, coordinate.parentId)).map((c) => c.id);
    const from = ids.indexOf(coordinate.id);
    if (from < 0) throw new NotFoundError("Champ");
    const target = toIndex ?? (direction === "up" ? from - 1 : from + 1);
    const to = Math.max(0, Math.min(ids.length - 1, target));
    if (to === from) return;
    ids.splice(from, 1);
    ids.splice(to, 0, coordinate.id);
    await renumber(tx, ids);
  });
}
