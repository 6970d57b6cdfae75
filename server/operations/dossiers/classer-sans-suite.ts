import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor } from "./instructeur-transition";

/** Closes the dossier without follow-up; the motivation is required. */
export function classerSansSuite(db: Db, actor: InstructeurActor, dossierId: number, motivation?: string | null) {
  return instructeurTransition(db, actor, dossierId, "classer_sans_suite", motivation);
}
