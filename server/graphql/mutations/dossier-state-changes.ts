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
import type { InstructeurActor, TransitionOptions } from "../../operations/dossiers/instructeur-transition";
import { passerEnInstruction } from "../../operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../operations/dossiers/refuser-dossier";
import { repasserEnConstruction } from "../../operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../operations/dossiers/repasser-en-instruction";
import type { TransitionResult } from "../../operations/dossiers/apply-transition";
import type { Db } from "../../db/client";
import { claimDirectUpload } from "../../operations/attachments/direct-uploads";
import { checkDirectUpload } from "./create-direct-upload";
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

/** The reference's limit of a decision's justificatif. */
const JUSTIFICATIF_MAX_BYTES = 20 * 1024 * 1024;

function stateChange(run: Transition) {
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
      const result = await run(ctx.db, actor, dossier.id, input.motivation, { silent: input.disableNotification === true });
      if (result.ok && blobId) {
        await claimDirectUpload(ctx.db, {
          blobId,
          dossierId: dossier.id,
          claim: { as: "justificatif", uploadedByUserId: actor.userId },
        });
      }
      return result;
    },
  });
}

export const dossierPasserEnInstruction = stateChange(passerEnInstruction);
export const dossierRepasserEnConstruction = stateChange(repasserEnConstruction);
export const dossierRepasserEnInstruction = stateChange(repasserEnInstruction);
export const dossierAccepter = stateChange(accepterDossier);
export const dossierRefuser = stateChange(refuserDossier);
export const dossierClasserSansSuite = stateChange(classerSansSuite);
