/**
 * Relancer an avis from the instructeur's dossier page: one e-mail to the expert (reaction to
 * `avis.relance`), at most once per 24 hours per avis, only while unanswered. Any instructeur of the
 * dossier may (as the reference).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { avis } from "../../db/schema";
import { remindBlocker } from "../../domain/avis/rules";
import { recordEvent } from "../../events/record-event";
import { findInstructeurAvis } from "../../lookups/scoped-avis";
import { type OperationResult, refuse } from "../../refusal";

export interface AvisTarget {
  demarcheId: number;
  dossierId: number;
  avisId: number;
}

type Instructeur = { instructeurId: number; userId: number };

export async function remindAvis(
  db: Db,
  instructeur: Instructeur,
  target: AvisTarget,
  now = new Date(),
): Promise<OperationResult> {
  return db.transaction(async (tx) => {
    const found = await findInstructeurAvis(tx, instructeur.instructeurId, target, true);
    const blocker = remindBlocker(found.avis, now);
    if (blocker) return refuse(blocker.code, "form", blocker.nextAt ? { nextAt: blocker.nextAt.toISOString() } : undefined);
    await tx.update(avis).set({ remindedAt: now, updatedAt: sql`now()` }).where(eq(avis.id, target.avisId));
    await recordEvent(tx, {
      kind: "avis.relance",
      demarcheId: found.demarche.id,
      dossierId: found.dossier.id,
      actor: "instructeur",
      actorUserId: instructeur.userId,
      payload: { avisId: target.avisId, expertId: found.expertId },
    });
    return { ok: true as const };
  });
}
