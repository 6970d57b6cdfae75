/**
 * An instructeur (or an expert) deletes a message they wrote: it stays in the thread as « Message
 * supprimé » (body emptied, `discarded_at` set), its files are removed (their bytes go with the
 * purge job) and a correction it asked is resolved. Records `message.supprime`.
 * Not in the author's scope, or not a message of this dossier: 404.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { attachments, commentaires, dossierCorrections } from "../../db/schema";
import { NotFoundError, parseOrBadRequest } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse } from "../../refusal";
import { closedMessagerieCode, findAuthorDossier, type MessageAuthor } from "./message-author";

const ZDeleteMessage = z.object({ dossierId: z.number().int(), commentaireId: z.number().int() });

export async function deleteMessage(
  db: Db,
  author: Exclude<MessageAuthor, { kind: "usager" }>,
  raw: z.input<typeof ZDeleteMessage>,
): Promise<OperationResult<{ commentaireId: number }>> {
  const input = parseOrBadRequest(ZDeleteMessage, raw);
  return db.transaction(async (tx): Promise<OperationResult<{ commentaireId: number }>> => {
    const { dossier } = await findAuthorDossier(tx, author, input.dossierId);
    const [message] = await tx
      .select()
      .from(commentaires)
      .where(and(eq(commentaires.id, input.commentaireId), eq(commentaires.dossierId, dossier.id)))
      .for("update");
    if (!message) throw new NotFoundError("Message");
    const own =
      author.kind === "instructeur"
        ? message.authorKind === "instructeur" && message.instructeurId === author.instructeurId
        : message.authorKind === "expert" && message.expertId === author.expertId;
    if (!own) return refuse("message_not_own");
    if (message.discardedAt) return refuse("message_already_deleted");
    const closed = closedMessagerieCode(dossier);
    if (closed) return refuse(closed);

    await tx.update(commentaires).set({ body: "", discardedAt: sql`now()` }).where(eq(commentaires.id, message.id));
    await tx.delete(attachments).where(eq(attachments.commentaireId, message.id));
    await tx
      .update(dossierCorrections)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(dossierCorrections.commentaireId, message.id), isNull(dossierCorrections.resolvedAt)));
    await recordEvent(tx, {
      kind: "message.supprime",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: author.kind,
      actorUserId: author.userId,
      payload: { commentaireId: message.id },
    });
    return { ok: true, commentaireId: message.id };
  });
}
