import type { DossierEvent } from "../../domain/dossier/transitions";
import type { Db } from "../../db/client";
import { applyTransition, type TransitionResult } from "./apply-transition";
import { findInstructeurDossier } from "./find-dossier";
import { followInTx } from "./follow-dossier";

export interface InstructeurActor {
  userId: number;
  instructeurId: number;
  email: string;
}

/**
 * Shared body of the instructeur's decisions (one thin file per decision calls it, so the web
 * page, the API and batch jobs all run exactly this).
 */
export async function instructeurTransition(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  event: DossierEvent,
  motivation?: string | null,
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const target = await findInstructeurDossier(tx, actor.instructeurId, dossierId, true);
    const result = await applyTransition(
      tx,
      target,
      event,
      { userId: actor.userId, instructeurEmail: actor.email },
      { motivation },
    );
    // Whoever starts the instruction follows the dossier, as the reference does.
    if (result.ok && event === "passer_en_instruction") await followInTx(tx, actor.instructeurId, dossierId);
    return result;
  });
}
