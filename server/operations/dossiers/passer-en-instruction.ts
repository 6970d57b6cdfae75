import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor, type TransitionOptions } from "./instructeur-transition";

/** Passe le dossier en instruction (the usager can no longer edit it). */
export function passerEnInstruction(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) {
  return instructeurTransition(db, actor, dossierId, "passer_en_instruction", motivation, options);
}
