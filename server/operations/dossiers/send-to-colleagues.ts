/**
 * « Envoyer à un collègue » (the reference's `send_to_instructeurs`): an instructeur of the
 * dossier's groupe sends it to other instructeurs of that groupe, with an optional message. They
 * start following it and get an e-mail (a reaction to `dossier.envoye_a_un_collegue`). Scope
 * first (NotFoundError, nothing changes); a recipient who is not another instructeur of the groupe
 * is refused with `colleague_invalid`, none chosen with `colleague_required`, a message too long
 * with `message_too_long`.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupeInstructeurMembers } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { followInTx } from "./follow-dossier";

export const COLLEAGUE_MESSAGE_MAX_LENGTH = 2000;

export async function sendToColleagues(
  db: Db,
  actor: { instructeurId: number; userId: number },
  dossierId: number,
  input: { instructeurIds: readonly number[]; message: string },
): Promise<OperationResult<{ sentTo: number[] }>> {
  const message = input.message.replace(/\r\n/g, "\n").trim();
  const ids = [...new Set(input.instructeurIds)];
  return db.transaction(async (tx): Promise<OperationResult<{ sentTo: number[] }>> => {
    const { dossier } = await findInstructeurDossier(tx, actor.instructeurId, dossierId, true);
    if (ids.length === 0) return refuse("colleague_required", "colleagues");
    if (message.length > COLLEAGUE_MESSAGE_MAX_LENGTH) {
      return refuse("message_too_long", "message", { max: String(COLLEAGUE_MESSAGE_MAX_LENGTH) });
    }
    if (ids.includes(actor.instructeurId) || ids.some((id) => !Number.isSafeInteger(id) || id <= 0) || ids.length > 100) {
      return refuse("colleague_invalid", "colleagues");
    }
    const members = await tx
      .select({ id: groupeInstructeurMembers.instructeurId })
      .from(groupeInstructeurMembers)
      .where(
        and(
          eq(groupeInstructeurMembers.groupeInstructeurId, dossier.groupeInstructeurId as number),
          inArray(groupeInstructeurMembers.instructeurId, ids),
        ),
      );
    if (members.length !== ids.length) return refuse("colleague_invalid", "colleagues");
    for (const instructeurId of ids) await followInTx(tx, { instructeurId, userId: actor.userId }, dossier);
    await recordEvent(tx, {
      kind: "dossier.envoye_a_un_collegue",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "instructeur",
      actorUserId: actor.userId,
      payload: { instructeurIds: ids, message },
    });
    return { ok: true, sentTo: ids };
  });
}
