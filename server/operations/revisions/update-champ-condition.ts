import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { typesDeChamp } from "../../db/schema";
import { conditionToJson, ZCondition } from "../../domain/conditions/ast";
import { conditionChoiceLists } from "../../domain/conditions/choice-lists";
import { annotationConditionScope, availableForField, blockingErrors, ruleErrors } from "../../domain/conditions/editor";
import { parseOrBadRequest } from "../../errors";
import { type OperationResult, refuse } from "../../refusal";
import { ensureExclusiveToDraft, findDraftCoordinate, lockDraft } from "./draft-revision";

const ZInput = z.object({ stableId: z.number().int(), condition: z.unknown() });

/**
 * Sets (or clears, with null) the visibility condition of a field of the draft form. The condition
 * must be the reference's AST and may read only the fields above the field (in a repetition block:
 * its siblings above it and the top-level fields above the block), with compatible operators and
 * values. Rows not filled in yet (`Logic::Empty`) are kept, and block publication until completed.
 * Errors are keys of `conditions.errors`. A field shared with a published revision is copied first.
 */
export async function updateChampCondition(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: z.input<typeof ZInput>,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const { stableId, condition: raw } = parseOrBadRequest(ZInput, input);
    const coordinate = await findDraftCoordinate(tx, draftRevisionId, stableId);
    let stored: unknown = null;
    if (raw !== null && raw !== undefined) {
      const parsed = ZCondition.safeParse(raw);
      if (!parsed.success) return refuse("malformed", "condition");
      const publicFields = await loadRevisionChamps(tx, draftRevisionId);
      const fields = coordinate.private
        ? annotationConditionScope(publicFields, await loadRevisionChamps(tx, draftRevisionId, { private: true }))
        : publicFields;
      const errors = blockingErrors(ruleErrors(parsed.data, availableForField(fields, stableId), conditionChoiceLists("fr")));
      if (errors[0]) return refuse(errors[0], "condition");
      stored = conditionToJson(parsed.data);
    }
    const typeDeChampId = await ensureExclusiveToDraft(tx, coordinate, draftRevisionId);
    await tx.update(typesDeChamp).set({ condition: stored, updatedAt: sql`now()` }).where(eq(typesDeChamp.id, typeDeChampId));
    return { ok: true };
  });
}
