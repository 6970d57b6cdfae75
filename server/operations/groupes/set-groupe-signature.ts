/**
 * A groupe's signature image (administrateur), used on the attestations of its dossiers: PNG or
 * JPEG as sniffed from the bytes (never the browser's word), 1 MB at most as the reference, stored
 * through the storage adapter and recorded as an `attachments` row (purpose `groupe_signature`).
 * The previous image's row is deleted; the storage sweep removes its bytes. Refusals on `signature`
 * (codes of `groupes.signature.errors`).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attachments, groupesInstructeurs } from "../../db/schema";
import type { Storage } from "../../integrations/storage";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { type OperationResult, refuse } from "../../refusal";
import { dropStored, type StoredSmallFile, storeSmallFile } from "../attachments/store-small-file";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export const GROUPE_SIGNATURE_MAX_BYTES = 1024 * 1024;
const ACCEPTED = ["image/png", "image/jpeg"];
const SIGNATURE_REFUSALS = {
  missing: "signature_missing",
  too_big: "signature_too_big",
  format: "signature_format",
  corrupted: "signature_format",
} as const;

export async function setGroupeSignature(
  db: Db,
  storage: Storage,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
  file: { bytes: Uint8Array; filename: string } | null,
): Promise<OperationResult<object>> {
  await findAdministrableGroupe(db, admin.administrateurId, demarcheId, groupeId);
  let stored: StoredSmallFile | null = null;
  if (file !== null) {
    const checked = await storeSmallFile(storage, file, { accepted: ACCEPTED, maxBytes: GROUPE_SIGNATURE_MAX_BYTES });
    if (!checked.ok) return refuse(SIGNATURE_REFUSALS[checked.code], "signature");
    stored = checked.stored;
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
    await dropStored(storage, stored);
    throw error;
  }
}
