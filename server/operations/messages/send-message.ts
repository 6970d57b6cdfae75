/**
 * Sends a message in a dossier's messagerie, for its usager, one of its instructeurs or an expert
 * (`MessageAuthor`), with the files uploaded for it beforehand (pending attachments of the same
 * author on the same dossier: see server/http/uploads/message-uploads.ts). An instructeur may flag
 * it as a correction request (`correction`): only when none is pending and the dossier is en
 * construction or en instruction; a dossier en instruction goes back en construction
 * (`repasser_en_construction_with_pending_correction`, no e-mail of its own). Records
 * `message.envoye`, whose reactions e-mail the usager and make the instructeurs' badges.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { attachments, commentaires, dossierCorrections } from "../../db/schema";
import { CORRECTION_REASONS, MESSAGE_MAX_FILES, MESSAGE_MAX_LENGTH, messageBody } from "../../domain/messages/message-body";
import { parseOrBadRequest } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, type Refusal, refuse } from "../../refusal";
import { applyTransition } from "../dossiers/apply-transition";
import { closedMessagerieCode, findAuthorDossier, type MessageAuthor } from "./message-author";

const ZSendMessage = z.object({
  dossierId: z.number().int(),
  body: z.string().max(1_000_000),
  attachmentIds: z.array(z.string().uuid()).max(100).default([]),
  correction: z.enum(CORRECTION_REASONS).nullish(),
});
export type SendMessageInput = z.input<typeof ZSendMessage>;

export async function sendMessage(
  db: Db,
  author: MessageAuthor,
  raw: SendMessageInput,
): Promise<OperationResult<{ commentaireId: number }>> {
  const input = parseOrBadRequest(ZSendMessage, raw);
  return db.transaction(async (tx): Promise<OperationResult<{ commentaireId: number }>> => {
    const target = await findAuthorDossier(tx, author, input.dossierId);
    const { dossier } = target;
    const closed = closedMessagerieCode(dossier);
    if (closed) return refuse(closed);

    const refusals: Refusal[] = [];
    const body = messageBody(input.body);
    if (!body.ok) {
      refusals.push(
        body.code === "message_too_long"
          ? { code: body.code, field: "body", params: { max: String(MESSAGE_MAX_LENGTH) } }
          : { code: body.code, field: "body" },
      );
    }
    const files = input.attachmentIds.length
      ? await tx
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              inArray(attachments.id, input.attachmentIds),
              eq(attachments.purpose, "message"),
              eq(attachments.dossierId, dossier.id),
              eq(attachments.uploadedByUserId, author.userId),
              isNull(attachments.commentaireId),
            ),
          )
      : [];
    if (files.length > MESSAGE_MAX_FILES) {
      refusals.push({ code: "too_many_files", field: "attachments", params: { max: String(MESSAGE_MAX_FILES) } });
    }
    const correction = input.correction ?? null;
    if (correction) {
      if (author.kind !== "instructeur") refusals.push({ code: "correction_not_allowed", field: "correction" });
      else if (dossier.state !== "en_construction" && dossier.state !== "en_instruction") {
        refusals.push({ code: "correction_wrong_state", field: "correction" });
      } else {
        const [pending] = await tx
          .select({ id: dossierCorrections.id })
          .from(dossierCorrections)
          .where(and(eq(dossierCorrections.dossierId, dossier.id), isNull(dossierCorrections.resolvedAt)))
          .limit(1);
        if (pending) refusals.push({ code: "correction_pending", field: "correction" });
      }
    }
    if (refusals.length > 0 || !body.ok) return { ok: false, refusals };

    const [row] = await tx
      .insert(commentaires)
      .values({
        dossierId: dossier.id,
        authorKind: author.kind,
        authorUserId: author.userId,
        instructeurId: author.kind === "instructeur" ? author.instructeurId : null,
        expertId: author.kind === "expert" ? author.expertId : null,
        email: author.email,
        body: body.html,
      })
      .returning({ id: commentaires.id });
    const commentaireId = (row as { id: number }).id;
    if (files.length > 0) {
      await tx
        .update(attachments)
        .set({ commentaireId })
        .where(
          inArray(
            attachments.id,
            files.map((f) => f.id),
          ),
        );
    }

    if (correction && author.kind === "instructeur") {
      await tx.insert(dossierCorrections).values({ dossierId: dossier.id, commentaireId, reason: correction });
      if (dossier.state === "en_instruction") {
        const moved = await applyTransition(tx, target, "repasser_en_construction_with_pending_correction", {
          userId: author.userId,
          instructeurEmail: author.email,
          kind: "instructeur",
        });
        if (!moved.ok) throw new Error(`correction transition refused: ${JSON.stringify(moved)}`);
      }
    }

    await recordEvent(tx, {
      kind: "message.envoye",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: author.kind,
      actorUserId: author.userId,
      payload: { commentaireId, authorKind: author.kind, correction },
    });
    return { ok: true, commentaireId };
  });
}
