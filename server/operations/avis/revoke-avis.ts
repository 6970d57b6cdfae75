/**
 * Révoquer an unanswered avis (any instructeur of the dossier, as the reference): the expert loses
 * access to it and to the dossier through it. An answered avis stays (refused).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { avis } from "../../db/schema";
import { revokeBlocker } from "../../domain/avis/rules";
import { recordEvent } from "../../events/record-event";
import { findInstructeurAvis } from "../../lookups/scoped-avis";
import { type OperationResult, refuse } from "../../refusal";
import type { AvisTarget } from "./remind-avis";

export async function revokeAvis(
  db: Db,
  instructeur: { instructeurId: number; userId: number },
  target: AvisTarget,
): Promise<OperationResult> {
  return db.transaction(async (tx) => {
    const found = await findInstructeurAvis(tx, instructeur.instructeurId, target, true);
    const blocker = revokeBlocker(found.avis);
    if (blocker) return refuse(blocker);
    await tx.update(avis).set({ revokedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(avis.id, target.avisId));
    await recordEvent(tx, {
      kind: "avis.revoque",
      demarcheId: found.demarche.id,
      dossierId: found.dossier.id,
      actor: "instructeur",
      actorUserId: instructeur.userId,
      payload: { avisId: target.avisId, expertId: found.expertId },
    });
    return { ok: true as const };
  });
}
