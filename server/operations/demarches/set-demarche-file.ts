/**
 * The démarche's presentation files (administrateur): its logo (re-encoded as a PNG of at most
 * 400 × 400), its notice and its délibération (PDF), each an `attachments` row of the démarche
 * (purpose `demarche_logo` / `demarche_notice` / `demarche_deliberation`), replaced or removed
 * (`file: null`). The previous row is deleted; the storage sweep removes its bytes. Refusals on the
 * kind's field: `file_missing`, `file_too_big`, `file_format`, `image_corrupted`.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attachments } from "../../db/schema";
import { DEMARCHE_FILE_PURPOSE, DEMARCHE_FILE_SPECS, type DemarcheFileKind } from "../../domain/demarches/presentation-files";
import { recordEvent } from "../../events/record-event";
import type { Storage } from "../../integrations/storage";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { dropStored, type StoredSmallFile, storeSmallFile, type UploadedSmallFile } from "../attachments/store-small-file";

export const SMALL_FILE_REFUSALS = {
  missing: "file_missing",
  too_big: "file_too_big",
  format: "file_format",
  corrupted: "image_corrupted",
} as const;

export async function setDemarcheFile(
  db: Db,
  storage: Storage,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  kind: DemarcheFileKind,
  file: UploadedSmallFile | null,
): Promise<OperationResult<object>> {
  // Scope first: another administrateur gets 404 and nothing reaches storage.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  let stored: StoredSmallFile | null = null;
  if (file !== null) {
    const checked = await storeSmallFile(storage, file, DEMARCHE_FILE_SPECS[kind]);
    if (!checked.ok) return refuse(SMALL_FILE_REFUSALS[checked.code], kind);
    stored = checked.stored;
  }
  const purpose = DEMARCHE_FILE_PURPOSE[kind];
  try {
    return await db.transaction(async (tx) => {
      await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
      const removed = await tx
        .delete(attachments)
        .where(and(eq(attachments.demarcheId, demarcheId), eq(attachments.purpose, purpose)))
        .returning({ id: attachments.id });
      if (stored) {
        await tx.insert(attachments).values({
          storageKey: stored.key,
          filename: stored.filename,
          contentType: stored.contentType,
          byteSize: stored.byteSize,
          checksum: stored.checksum,
          purpose,
          demarcheId,
          uploadedByUserId: admin.userId,
        });
      }
      if (stored || removed.length > 0) {
        await recordEvent(tx, {
          kind: "demarche.presentation_modifiee",
          demarcheId,
          dossierId: null,
          actor: "administrateur",
          actorUserId: admin.userId,
          payload: { fields: [kind] },
        });
      }
      return { ok: true as const };
    });
  } catch (error) {
    await dropStored(storage, stored);
    throw error;
  }
}
