/**
 * A decision (accepter, refuser, classer sans suite) with an optional justificatif: a file already
 * stored as an unclaimed upload of this dossier (the API's `createDirectUpload`, or the decision
 * form's file input through the upload middleware). The decision runs in the instructeur's scope
 * (NotFoundError otherwise, nothing changes); only once it is taken is the file claimed as the
 * dossier's justificatif. A refused decision leaves the upload unclaimed (the purge removes it).
 */
import type { Db } from "../../db/client";
import { claimDirectUpload, findDirectUpload } from "../attachments/direct-uploads";
import type { TransitionResult } from "./apply-transition";
import type { InstructeurActor, TransitionOptions } from "./instructeur-transition";

export type DecisionTransition = (
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  motivation?: string | null,
  options?: TransitionOptions,
) => Promise<TransitionResult>;

/** Whether `blobId` is an unclaimed upload of this dossier (its size, to check a limit), or null. */
export async function pendingJustificatif(db: Db, blobId: string, dossierId: number) {
  return findDirectUpload(db, blobId, dossierId);
}

export async function decideWithJustificatif(
  db: Db,
  run: DecisionTransition,
  input: {
    actor: InstructeurActor;
    dossierId: number;
    motivation?: string | null;
    justificatifBlobId?: string | null;
    options?: TransitionOptions;
  },
): Promise<TransitionResult> {
  const result = await run(db, input.actor, input.dossierId, input.motivation, input.options);
  if (result.ok && input.justificatifBlobId) {
    await claimDirectUpload(db, {
      blobId: input.justificatifBlobId,
      dossierId: input.dossierId,
      claim: { as: "justificatif", uploadedByUserId: input.actor.userId },
    });
  }
  return result;
}
