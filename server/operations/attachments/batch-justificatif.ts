/**
 * The justificatif of a batch decision (accepter, refuser, classer sans suite on many dossiers):
 * its bytes are stored ONCE. The upload is a `batch_justificatif` attachment of the démarche,
 * uploaded by the instructeur, belonging to no dossier; the batch names it in its params. Each
 * dossier the batch decides gets its own `justificatif` row pointing at the same storage key (so
 * each dossier's download, API field and exports read it as a single decision's justificatif).
 * Deleting a dossier deletes its row only: the purge deletes bytes no row refers to any more
 * (`orphanKeys`). The `batch_justificatif` row itself is purged once no running batch names it.
 */
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { attachments, demarches } from "../../db/schema";
import { demarchesOfInstructeur } from "../../db/scopes";
import { sanitizeFilename } from "../../domain/files/file-ref";

export interface StoredFile {
  storageKey: string;
  filename: string;
  contentType: string;
  byteSize: number;
  checksum: string;
}

/** Whether the instructeur may start batches on this démarche (one of their groupes is on it). */
export async function mayUploadBatchJustificatif(db: DbOrTx, instructeurId: number, demarcheId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(instructeurId)))
    .limit(1);
  return row !== undefined;
}

/** Records the uploaded bytes as the instructeur's pending batch justificatif on this démarche; returns its id. */
export async function recordBatchJustificatif(
  db: DbOrTx,
  input: { demarcheId: number; userId: number; file: StoredFile },
): Promise<string> {
  const [row] = await db
    .insert(attachments)
    .values({
      ...input.file,
      filename: sanitizeFilename(input.file.filename),
      purpose: "batch_justificatif",
      demarcheId: input.demarcheId,
      uploadedByUserId: input.userId,
    })
    .returning({ id: attachments.id });
  return (row as { id: string }).id;
}

/** The batch justificatif `id` uploaded by this user on this démarche, or null. */
export async function findBatchJustificatif(
  db: DbOrTx,
  input: { id: string; demarcheId: number; userId: number },
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, input.id),
        eq(attachments.purpose, "batch_justificatif"),
        eq(attachments.demarcheId, input.demarcheId),
        eq(attachments.uploadedByUserId, input.userId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Makes the batch's file the justificatif of one dossier just decided (same transaction as the
 * decision: dated like it), replacing the dossier's previous one. False when the file is gone.
 */
export async function attachBatchJustificatif(
  db: DbOrTx,
  input: { sourceId: string; dossierId: number; userId: number },
): Promise<boolean> {
  const [source] = await db
    .select({
      storageKey: attachments.storageKey,
      filename: attachments.filename,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      checksum: attachments.checksum,
    })
    .from(attachments)
    .where(and(eq(attachments.id, input.sourceId), eq(attachments.purpose, "batch_justificatif")))
    .limit(1);
  if (!source) return false;
  const [row] = await db
    .insert(attachments)
    .values({ ...source, purpose: "justificatif", dossierId: input.dossierId, uploadedByUserId: input.userId })
    .returning({ id: attachments.id });
  const id = (row as { id: string }).id;
  await db
    .delete(attachments)
    .where(and(eq(attachments.dossierId, input.dossierId), eq(attachments.purpose, "justificatif"), ne(attachments.id, id)));
  return true;
}
