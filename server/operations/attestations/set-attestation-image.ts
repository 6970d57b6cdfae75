/**
 * An attestation template's logo or signature image (administrateur): PNG, JPEG or WebP up to 1 MB,
 * re-encoded as a PNG in a bounded box (what the PDF draws), stored through the storage adapter and
 * kept on the template row (created empty when the démarche has none yet); `file: null` removes it.
 * The previous bytes are left to the storage sweep. Refusals on the kind's field (`logo`,
 * `signature`): `file_missing`, `file_too_big`, `file_format`, `image_corrupted`.
 */
import { sql } from "drizzle-orm";
import type { AttestationTemplateKind } from "../../../common/attestations";
import type { Db } from "../../db/client";
import { attestationTemplates } from "../../db/schema";
import { ATTESTATION_IMAGE_SPECS, type AttestationImageKind } from "../../domain/demarches/presentation-files";
import { recordEvent } from "../../events/record-event";
import type { Storage } from "../../integrations/storage";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { dropStored, type StoredSmallFile, storeSmallFile, type UploadedSmallFile } from "../attachments/store-small-file";
import { SMALL_FILE_REFUSALS } from "../demarches/set-demarche-file";

export async function setAttestationImage(
  db: Db,
  storage: Storage,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  template: AttestationTemplateKind,
  image: AttestationImageKind,
  file: UploadedSmallFile | null,
): Promise<OperationResult<object>> {
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  let stored: StoredSmallFile | null = null;
  if (file !== null) {
    const checked = await storeSmallFile(storage, file, ATTESTATION_IMAGE_SPECS[image]);
    if (!checked.ok) return refuse(SMALL_FILE_REFUSALS[checked.code], image);
    stored = checked.stored;
  }
  const columns =
    image === "logo"
      ? { logoKey: stored?.key ?? null, logoContentType: stored?.contentType ?? null }
      : { signatureKey: stored?.key ?? null, signatureContentType: stored?.contentType ?? null };
  try {
    return await db.transaction(async (tx) => {
      await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
      await tx
        .insert(attestationTemplates)
        .values({ demarcheId, kind: template, ...columns })
        .onConflictDoUpdate({
          target: [attestationTemplates.demarcheId, attestationTemplates.kind],
          set: { ...columns, updatedAt: sql`now()` },
        });
      await recordEvent(tx, {
        kind: "demarche.modele_attestation_modifie",
        demarcheId,
        dossierId: null,
        actor: "administrateur",
        actorUserId: admin.userId,
        payload: { template, change: `${image}_${stored ? "added" : "removed"}` },
      });
      return { ok: true as const };
    });
  } catch (error) {
    await dropStored(storage, stored);
    throw error;
  }
}
