import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor, type TransitionOptions } from "./instructeur-transition";

/** Accepts the dossier; the motivation is optional. */
export function accepterDossier(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) {
  return instructeurTransition(db, actor, dossierId, "accepter", motivation, options);
}
