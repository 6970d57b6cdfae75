import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { revisions } from "../../db/schema";
import { conditionToJson, ZCondition } from "../../domain/conditions/ast";
import { conditionChoiceLists } from "../../domain/conditions/choice-lists";
import { availableForIneligibilite, blockingErrors, INELIGIBILITE_MESSAGE_MAX, ruleErrors } from "../../domain/conditions/editor";
import { parseOrBadRequest } from "../../errors";
import { type OperationResult, refuseFields } from "../../refusal";
import { lockDraft } from "./draft-revision";

const ZInput = z.object({
  enabled: z.boolean(),
  message: z.string(),
  rules: z.unknown(),
});

/**
 * Sets the ineligibility rules of the draft revision: when enabled and the rules match a dossier's
 * values, the usager sees the message and cannot submit. The message is required when enabled
 * (at most 1,000 characters); rules read the conditionable top-level public fields. Disabling keeps
 * the message and rules for later. Incomplete rules are kept and block publication. Errors are
 * keys of `conditions.errors` / `conditions.ineligibilite.errors`, by field (`message`, `rules`).
 */
export async function updateIneligibilite(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: z.input<typeof ZInput>,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    const { draftRevisionId } = await lockDraft(tx, administrateurId, demarcheId);
    const { enabled, message: rawMessage, rules: raw } = parseOrBadRequest(ZInput, input);
    const errors: Record<string, string> = {};
    const message = rawMessage.replace(/\r\n?/g, "\n").trim();
    if (message.length > INELIGIBILITE_MESSAGE_MAX) errors.message = "message_too_long";
    else if (enabled && message === "") errors.message = "message_required";
    let rules: unknown = null;
    if (raw !== null && raw !== undefined) {
      const parsed = ZCondition.safeParse(raw);
      if (!parsed.success) errors.rules = "malformed";
      else {
        const fields = await loadRevisionChamps(tx, draftRevisionId);
        const ruleError = blockingErrors(
          ruleErrors(parsed.data, availableForIneligibilite(fields), conditionChoiceLists("fr")),
        )[0];
        if (ruleError) errors.rules = ruleError;
        rules = conditionToJson(parsed.data);
      }
    }
    if (Object.keys(errors).length > 0) return refuseFields(errors);
    await tx
      .update(revisions)
      .set({ ineligibiliteEnabled: enabled, ineligibiliteMessage: message === "" ? null : message, ineligibiliteRules: rules })
      .where(eq(revisions.id, draftRevisionId));
    return { ok: true };
  });
}
