/**
 * The state changes of a dossier (`dossierPasserEnInstruction` … `dossierRepasserEnInstruction`):
 * the instructeur pages' operations, with `disableNotification` (no e-mail to the usager) and the
 * state machine's refusals worded as on the pages.
 *
 * `justificatif` (a file id from the reference's `createDirectUpload`, which we do not offer yet)
 * is accepted by the schema and refused in the payload when given, before anything changes.
 */
import { accepterDossier } from "../../operations/dossiers/accepter-dossier";
import { classerSansSuite } from "../../operations/dossiers/classer-sans-suite";
import type { InstructeurActor, TransitionOptions } from "../../operations/dossiers/instructeur-transition";
import { passerEnInstruction } from "../../operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../operations/dossiers/repasser-en-instruction";
import type { TransitionResult } from "../../operations/dossiers/apply-transition";
import type { Db } from "../../db/client";
import { refuse } from "../../refusal";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

interface StateChangeInput extends DossierMutationInput {
  instructeurId: string;
  disableNotification?: boolean | null;
  motivation?: string | null;
  justificatif?: string | null;
}

type Transition = (
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) => Promise<TransitionResult>;

function stateChange(run: Transition) {
  return defineDossierMutation<StateChangeInput>({
    refusalMessages: "dossiers.transitionErrors",
    async resolve({ ctx, input, dossier, actor }) {
      if (input.justificatif) return refuse("justificatif_unsupported", "justificatif");
      return run(ctx.db, actor, dossier.id, input.motivation, { silent: input.disableNotification === true });
    },
  });
}

export const dossierPasserEnInstruction = stateChange(passerEnInstruction);
export const dossierRepasserEnConstruction = stateChange(repasserEnConstruction);
export const dossierRepasserEnInstruction = stateChange(repasserEnInstruction);
export const dossierAccepter = stateChange(accepterDossier);
export const dossierRefuser = stateChange(refuserDossier);
export const dossierClasserSansSuite = stateChange(classerSansSuite);
