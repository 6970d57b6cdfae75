import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { attachments, dossiers, groupesInstructeurs } from "../db/schema";

/**
 * The signature image of the groupe handling this dossier (for its attestation), or null when the
 * groupe has none: the storage key and what the bytes are. Callers have authorised the dossier.
 */
export async function groupeSignatureFor(db: DbOrTx, dossierId: number) {
  const [row] = await db
    .select({
      storageKey: attachments.storageKey,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      filename: attachments.filename,
    })
    .from(dossiers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, dossiers.groupeInstructeurId))
    .innerJoin(attachments, eq(attachments.id, groupesInstructeurs.signatureAttachmentId))
    .where(eq(dossiers.id, dossierId))
    .limit(1);
  return row ?? null;
}
