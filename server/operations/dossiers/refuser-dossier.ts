import type { Db } from "../../db/client";
import { instructeurTransition, type InstructeurActor } from "./instructeur-transition";

/** Refuses the dossier; the motivation is required and sent to the usager. */
export function refuserDossier(db: Db, actor: InstructeurActor, dossierId: number, motivation?: string | null) {
  return instructeurTransition(db, actor, dossierId, "refuser", motivation);
}
