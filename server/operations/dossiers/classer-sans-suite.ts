import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor, type TransitionOptions } from "./instructeur-transition";

/** Closes the dossier without follow-up; the motivation is required. */
export function classerSansSuite(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) {
  return instructeurTransition(db, actor, dossierId, "classer_sans_suite", motivation, options);
}
