/**
 * Accusé de lecture: the usager acknowledges the decision on their dossier, which then shows it
 * (state, motivation, date). Only the dossier's usager, only while the decision is hidden;
 * another user gets 404 and nothing changes.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { canAcknowledgeDecision } from "../../domain/special/rules";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";

/** Refused with `nothing_to_acknowledge` on `form` when no decision is hidden (already read, none taken). */
export async function acknowledgeDecision(db: Db, userId: number, dossierId: number): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const { dossier, demarche } = await findUsagerDossier(tx, userId, dossierId, true);
    const hidden = canAcknowledgeDecision({
      accuseLecture: demarche.accuseLecture,
      state: dossier.state,
      agreementAt: dossier.accuseLectureAgreementAt,
    });
    if (!hidden) return refuse("nothing_to_acknowledge");
    await tx
      .update(dossiers)
      .set({ accuseLectureAgreementAt: sql`now()` })
      .where(and(eq(dossiers.id, dossierId), isNull(dossiers.accuseLectureAgreementAt)));
    await recordEvent(tx, {
      kind: "dossier.accuse_lecture",
      demarcheId: dossier.demarcheId,
      dossierId,
      actor: "usager",
      actorUserId: userId,
      payload: {},
    });
    return { ok: true };
  });
}
