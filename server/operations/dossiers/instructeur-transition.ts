import { type DossierEvent, needsCompleteAnnotations } from "../../domain/dossier/transitions";
import { incompleteAnnotations } from "../../domain/form/annotations";
import type { Db, Tx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { applyTransition, type TransitionResult } from "./apply-transition";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { followInTx } from "./follow-dossier";
import type { EventActor } from "../../domain/events/kinds";

export interface InstructeurActor {
  userId: number;
  instructeurId: number;
  email: string;
  /** Who acts for the event stream: "instructeur" by default, "api" when a token acts for them. */
  kind?: Extract<EventActor, "instructeur" | "api">;
}

export interface TransitionOptions {
  /** Do not e-mail the usager (the API's `disableNotification`). */
  silent?: boolean;
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
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  return db.transaction(async (tx) => {
    const target = await findInstructeurDossier(tx, actor.instructeurId, dossierId, true);
    const result = await applyTransition(
      tx,
      target,
      event,
      { userId: actor.userId, instructeurEmail: actor.email, kind: actor.kind ?? "instructeur" },
      { motivation, silent: options.silent, incompleteAnnotations: await annotationsBlocking(tx, event, target.dossier) },
    );
    // Whoever starts the instruction follows the dossier, as the reference does.
    if (result.ok && event === "passer_en_instruction") await followInTx(tx, actor, target.dossier);
    return result;
  });
}

/**
 * Read only for the events guarded by the annotations privées (final decisions): the libellés of
 * the visible annotations still blank though mandatory, or invalid, on the dossier's revision.
 */
async function annotationsBlocking(tx: Tx, event: DossierEvent, dossier: { id: number; revisionId: number }) {
  if (!needsCompleteAnnotations(event)) return [];
  const privateTree = await loadRevisionForm(tx, dossier.revisionId, { private: true });
  if (privateTree.length === 0) return [];
  const publicTree = await loadRevisionForm(tx, dossier.revisionId);
  return incompleteAnnotations(publicTree, privateTree, await loadChampValues(tx, dossier.id));
}
