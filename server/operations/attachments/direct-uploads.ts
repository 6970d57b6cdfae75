/**
 * The API's two-step uploads (`createDirectUpload`): the bytes received on the signed URL are
 * recorded as a `direct_upload` attachment of the dossier named when the URL was created, under
 * the blob id of that URL (a blob is uploaded once). A mutation then claims it by its
 * `signedBlobId`: the row becomes a pending message file of the acting instructeur, or the
 * justificatif of a decision. Unclaimed uploads are removed by the purge job.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../../db/client";
import { attachments } from "../../db/schema";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { parseOrBadRequest } from "../../errors";

const ZDirectUpload = z.object({
  blobId: z.string().uuid(),
  dossierId: z.number().int().positive(),
  file: z.object({
    storageKey: z.string().min(1).max(500),
    filename: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    byteSize: z.number().int().positive(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

/** Records the received bytes; false when this blob was already uploaded (the new bytes are then dropped by the caller). */
export async function recordDirectUpload(db: DbOrTx, raw: z.input<typeof ZDirectUpload>): Promise<boolean> {
  const input = parseOrBadRequest(ZDirectUpload, raw);
  const rows = await db
    .insert(attachments)
    .values({
      id: input.blobId,
      storageKey: input.file.storageKey,
      filename: sanitizeFilename(input.file.filename),
      contentType: input.file.contentType,
      byteSize: input.file.byteSize,
      checksum: input.file.checksum,
      purpose: "direct_upload",
      dossierId: input.dossierId,
    })
    .onConflictDoNothing({ target: attachments.id })
    .returning({ id: attachments.id });
  return rows.length === 1;
}

export type DirectUploadClaim =
  | { as: "message"; uploadedByUserId: number }
  | { as: "justificatif"; uploadedByUserId: number | null };

/** The size of an uploaded, unclaimed blob of this dossier; null when there is none. */
export async function findDirectUpload(db: DbOrTx, blobId: string, dossierId: number): Promise<{ byteSize: number } | null> {
  const [row] = await db
    .select({ byteSize: attachments.byteSize })
    .from(attachments)
    .where(and(eq(attachments.id, blobId), eq(attachments.purpose, "direct_upload"), eq(attachments.dossierId, dossierId)))
    .limit(1);
  return row ?? null;
}

/**
 * Turns an uploaded blob of this dossier into a message file or a justificatif (dated now: a
 * justificatif belongs to the decision taken just before); false when it is no longer there.
 * A justificatif replaces the dossier's previous ones.
 */
export async function claimDirectUpload(
  db: Db,
  input: { blobId: string; dossierId: number; claim: DirectUploadClaim },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(attachments)
      .set({ purpose: input.claim.as, uploadedByUserId: input.claim.uploadedByUserId, createdAt: sql`now()` })
      .where(
        and(
          eq(attachments.id, input.blobId),
          eq(attachments.purpose, "direct_upload"),
          eq(attachments.dossierId, input.dossierId),
        ),
      )
      .returning({ id: attachments.id });
    if (claimed.length !== 1) return false;
    if (input.claim.as === "justificatif") {
      await tx
        .delete(attachments)
        .where(
          and(
            eq(attachments.dossierId, input.dossierId),
            eq(attachments.purpose, "justificatif"),
            ne(attachments.id, input.blobId),
          ),
        );
    }
    return true;
  });
}
