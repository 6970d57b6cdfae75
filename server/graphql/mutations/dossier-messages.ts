/**
 * `dossierEnvoyerMessage` and `dossierSupprimerMessage`: the instructeur named by `instructeurId`
 * writes in the dossier's messagerie (optionally asking a correction) or deletes their own message,
 * through the same operations as the messagerie page; refusals are payload errors worded as on
 * the page. `attachment` is the `signedBlobId` of a file uploaded with `createDirectUpload`
 * (checked before anything changes, at most the messagerie's 20 MB).
 */
import type { GraphQLResolveInfo } from "graphql";
import { eq } from "drizzle-orm";
import { commentaires } from "../../db/schema";
import { type CorrectionReason, MESSAGE_FILE_MAX_BYTES } from "../../domain/messages/message-body";
import { claimDirectUpload } from "../../operations/attachments/direct-uploads";
import { deleteMessage } from "../../operations/messages/delete-message";
import { sendMessage } from "../../operations/messages/send-message";
import { loadThread } from "../../queries/message-thread";
import { refuse } from "../../refusal";
import { numericIdOf, toGlobalId } from "../ids";
import type { GraphqlContext } from "../resolvers/context";
import { notFound } from "../resolvers/errors";
import { checkDirectUpload } from "./create-direct-upload";
import { defineDossierMutation, type DossierMutationInput } from "./define-dossier-mutation";

interface EnvoyerMessageInput extends DossierMutationInput {
  instructeurId: string;
  body: string;
  attachment?: string | null;
  correction?: CorrectionReason | null;
}

export const dossierEnvoyerMessage = defineDossierMutation<EnvoyerMessageInput>({
  refusalMessages: "messagerie.errors",
  async resolve({ ctx, input, dossier, actor }) {
    const attachmentIds: string[] = [];
    if (input.attachment) {
      const blob = await checkDirectUpload(ctx, {
        signedBlobId: input.attachment,
        field: "attachment",
        dossierId: dossier.id,
        maxBytes: MESSAGE_FILE_MAX_BYTES,
      });
      if (!blob.ok) return blob;
      // Now a pending file of the instructeur, which the message takes (or the purge removes).
      const claim = { as: "message", uploadedByUserId: actor.userId } as const;
      if (!(await claimDirectUpload(ctx.db, { blobId: blob.blobId, dossierId: dossier.id, claim }))) {
        return refuse("blob_not_uploaded", "attachment");
      }
      attachmentIds.push(blob.blobId);
    }
    const sent = await sendMessage(
      ctx.db,
      { kind: "instructeur", userId: actor.userId, instructeurId: actor.instructeurId, email: actor.email },
      { dossierId: dossier.id, body: input.body, correction: input.correction ?? null, attachmentIds },
    );
    if (!sent.ok) return sent;
    const [message] = await loadThread(ctx.db, dossier.id, { id: sent.commentaireId });
    return { ok: true, message };
  },
});

interface SupprimerMessageInput extends DossierMutationInput {
  instructeurId: string;
  messageId: string;
}

const supprimer = defineDossierMutation<SupprimerMessageInput>({
  refusalMessages: "messagerie.errors",
  async resolve({ ctx, input, dossier, actor }) {
    const commentaireId = numericIdOf(input.messageId, "Commentaire") as number;
    const deleted = await deleteMessage(
      ctx.db,
      { kind: "instructeur", userId: actor.userId, instructeurId: actor.instructeurId, email: actor.email },
      { dossierId: dossier.id, commentaireId },
    );
    if (!deleted.ok) return deleted;
    const [message] = await loadThread(ctx.db, dossier.id, { id: commentaireId });
    return { ok: true, message };
  },
});

/** The message names its dossier; then the same checks as every dossier mutation. */
export async function dossierSupprimerMessage(
  source: unknown,
  args: { input: Omit<SupprimerMessageInput, "dossierId"> },
  ctx: GraphqlContext,
  info: GraphQLResolveInfo,
) {
  const id = numericIdOf(args.input.messageId, "Commentaire");
  const [row] =
    id === null
      ? []
      : await ctx.db.select({ dossierId: commentaires.dossierId }).from(commentaires).where(eq(commentaires.id, id)).limit(1);
  if (!row) throw notFound("Message");
  return supprimer(source, { input: { ...args.input, dossierId: toGlobalId("Dossier", row.dossierId) } }, ctx, info);
}
