import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor, type TransitionOptions } from "./instructeur-transition";

/** Refuses the dossier; the motivation is required and sent to the usager. */
export function refuserDossier(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) {
  return instructeurTransition(db, actor, dossierId, "refuser", motivation, options);
}
