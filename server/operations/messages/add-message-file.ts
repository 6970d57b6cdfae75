/**
 * Records a file uploaded for a message not sent yet (its bytes already in storage, sniffed and
 * within the messagerie's limits): a pending attachment of this author on this dossier, which
 * `sendMessage` links to the message. The dossier must be in the author's scope (404) and its
 * messagerie open. Pending files never sent are removed by the purge job.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { attachments } from "../../db/schema";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { parseOrBadRequest } from "../../errors";
import { type OperationResult, refuse } from "../../refusal";
import { closedMessagerieCode, findAuthorDossier, type MessageAuthor } from "./message-author";

const ZMessageFile = z.object({
  dossierId: z.number().int(),
  file: z.object({
    storageKey: z.string().min(1).max(500),
    filename: z.string(),
    contentType: z.string().min(1).max(255),
    byteSize: z.number().int().positive(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export async function addMessageFile(
  db: Db,
  author: MessageAuthor,
  raw: z.input<typeof ZMessageFile>,
): Promise<OperationResult<{ id: string; filename: string }>> {
  const input = parseOrBadRequest(ZMessageFile, raw);
  return db.transaction(async (tx): Promise<OperationResult<{ id: string; filename: string }>> => {
    const { dossier } = await findAuthorDossier(tx, author, input.dossierId, false);
    const closed = closedMessagerieCode(dossier);
    if (closed) return refuse(closed);
    const filename = sanitizeFilename(input.file.filename);
    const [row] = await tx
      .insert(attachments)
      .values({
        storageKey: input.file.storageKey,
        filename,
        contentType: input.file.contentType,
        byteSize: input.file.byteSize,
        checksum: input.file.checksum,
        purpose: "message",
        dossierId: dossier.id,
        uploadedByUserId: author.userId,
      })
      .returning({ id: attachments.id });
    return { ok: true, id: (row as { id: string }).id, filename };
  });
}
