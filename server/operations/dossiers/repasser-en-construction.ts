import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor, type TransitionOptions } from "./instructeur-transition";

/** Gives the dossier back to the usager for changes. */
export function repasserEnConstruction(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) {
  return instructeurTransition(db, actor, dossierId, "repasser_en_construction", motivation, options);
}
