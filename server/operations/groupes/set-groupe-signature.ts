/**
 * A groupe's signature image (administrateur), used on the attestations of its dossiers: PNG or
 * JPEG as sniffed from the bytes (never the browser's word), 1 MB at most as the reference, stored
 * through the storage adapter and recorded as an `attachments` row (purpose `groupe_signature`).
 * The previous image's row is deleted; the storage sweep removes its bytes. Refusals on `signature`
 * (codes of `groupes.signature.errors`).
 */
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Db } from "../../db/client";
import { attachments, groupesInstructeurs } from "../../db/schema";
import { sanitizeFilename } from "../../domain/files/file-ref";
import type { Storage } from "../../integrations/storage";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export const GROUPE_SIGNATURE_MAX_BYTES = 1024 * 1024;
const ACCEPTED = new Set(["image/png", "image/jpeg"]);

export async function setGroupeSignature(
  db: Db,
  storage: Storage,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
  file: { bytes: Uint8Array; filename: string } | null,
): Promise<OperationResult<object>> {
  await findAdministrableGroupe(db, admin.administrateurId, demarcheId, groupeId);
  let stored: { key: string; contentType: string; checksum: string; byteSize: number; filename: string } | null = null;
  if (file !== null) {
    if (file.bytes.byteLength === 0) return refuse("signature_missing", "signature");
    if (file.bytes.byteLength > GROUPE_SIGNATURE_MAX_BYTES) return refuse("signature_too_big", "signature");
    const sniffed = await fileTypeFromBuffer(file.bytes).catch(() => undefined);
    if (!sniffed || !ACCEPTED.has(sniffed.mime)) return refuse("signature_format", "signature");
    const { key } = await storage.put(Readable.from([Buffer.from(file.bytes)]));
    stored = {
      key,
      contentType: sniffed.mime,
      checksum: createHash("sha256").update(file.bytes).digest("hex"),
      byteSize: file.bytes.byteLength,
      filename: sanitizeFilename(file.filename) || `signature.${sniffed.ext}`,
    };
  }
  try {
    return await db.transaction(async (tx) => {
      const { groupe } = await findAdministrableGroupe(tx, admin.administrateurId, demarcheId, groupeId, true);
      let attachmentId: string | null = null;
      if (stored) {
        const [row] = await tx
          .insert(attachments)
          .values({
            storageKey: stored.key,
            filename: stored.filename,
            contentType: stored.contentType,
            byteSize: stored.byteSize,
            checksum: stored.checksum,
            purpose: "groupe_signature",
            uploadedByUserId: admin.userId,
          })
          .returning({ id: attachments.id });
        attachmentId = row?.id ?? null;
      }
      await tx
        .update(groupesInstructeurs)
        .set({ signatureAttachmentId: attachmentId })
        .where(eq(groupesInstructeurs.id, groupe.id));
      if (groupe.signatureAttachmentId) await tx.delete(attachments).where(eq(attachments.id, groupe.signatureAttachmentId));
      await recordGroupesChange(tx, admin, demarcheId, { change: "signature_changed", groupeId: groupe.id });
      return { ok: true as const };
    });
  } catch (error) {
    if (stored) await storage.delete(stored.key).catch(() => undefined);
    throw error;
  }
}
