/**
 * The state changes of a dossier (`dossierPasserEnInstruction` … `dossierRepasserEnInstruction`):
 * the instructeur pages' operations, with `disableNotification` (no e-mail to the usager) and the
 * state machine's refusals worded as on the pages.
 *
 * `justificatif` (accepter, refuser, classer sans suite) is the `signedBlobId` of a file uploaded
 * with `createDirectUpload`: checked before anything changes, claimed once the decision is taken,
 * then served as `Dossier.motivationAttachment` (the reference's 20 MB limit of justificatifs).
 */
import { accepterDossier } from "../../operations/dossiers/accepter-dossier";
import { classerSansSuite } from "../../operations/dossiers/classer-sans-suite";
import { passerEnInstruction } from "../../operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../operations/dossiers/repasser-en-instruction";
import { type DecisionTransition, decideWithJustificatif } from "../../operations/dossiers/decide-with-justificatif";
import { JUSTIFICATIF_MAX_BYTES } from "../../domain/dossier/justificatif";
import { checkDirectUpload } from "./create-direct-upload";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

interface StateChangeInput extends DossierMutationInput {
  instructeurId: string;
  disableNotification?: boolean | null;
  motivation?: string | null;
  justificatif?: string | null;
}

function stateChange(run: DecisionTransition) {
  return defineDossierMutation<StateChangeInput>({
    refusalMessages: "dossiers.transitionErrors",
    async resolve({ ctx, input, dossier, actor }) {
      let blobId: string | null = null;
      if (input.justificatif) {
        const blob = await checkDirectUpload(ctx, {
          signedBlobId: input.justificatif,
          field: "justificatif",
          dossierId: dossier.id,
          maxBytes: JUSTIFICATIF_MAX_BYTES,
        });
        if (!blob.ok) return blob;
        blobId = blob.blobId;
      }
      return decideWithJustificatif(ctx.db, run, {
        actor,
        dossierId: dossier.id,
        motivation: input.motivation,
        justificatifBlobId: blobId,
        options: { silent: input.disableNotification === true },
      });
    },
  });
}

export const dossierPasserEnInstruction = stateChange(passerEnInstruction);
export const dossierRepasserEnConstruction = stateChange(repasserEnConstruction);
export const dossierRepasserEnInstruction = stateChange(repasserEnInstruction);
export const dossierAccepter = stateChange(accepterDossier);
export const dossierRefuser = stateChange(refuserDossier);
export const dossierClasserSansSuite = stateChange(classerSansSuite);
