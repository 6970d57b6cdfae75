/**
 * The decision form of the instructeur's dossier page posts its optional justificatif (input
 * `justificatif`) with the page's other multipart forms (dossier-form-uploads.ts). The file is
 * checked like any upload (format sniffed from the bytes, the global format list, at most 20 MB or
 * the instance's limit) and stored as an unclaimed upload of the dossier, only when the signed-in
 * instructeur sees that dossier in that démarche (otherwise drained: the page answers 404). The
 * action claims it once the decision is taken (decide-with-justificatif.ts).
 */
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { Locale } from "../../../common/i18n";
import { translate } from "../../../common/i18n";
import { JUSTIFICATIF_MAX_BYTES } from "../../domain/dossier/justificatif";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { formatsOfFamilies } from "../../domain/files/formats";
import { NotFoundError } from "../../errors";
import { storageFor } from "../../integrations/storage";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { recordDirectUpload } from "../../operations/attachments/direct-uploads";
import type { AppServices, CurrentUser } from "../context";
import { type UploadFailure, storeChecked } from "./store-upload";

export async function uploadDecisionJustificatif(
  services: AppServices,
  input: { user: CurrentUser | null; demarcheId: number; dossierId: number; stream: Readable; filename: string; locale: Locale },
): Promise<{ ok: true; value: string } | UploadFailure> {
  const { user, stream } = input;
  if (!user || user.instructeurId === null) {
    stream.resume();
    return { ok: false, status: 404 };
  }
  try {
    const { dossier } = await findInstructeurDossier(services.db, user.instructeurId, input.dossierId);
    if (dossier.demarcheId !== input.demarcheId) throw new NotFoundError("Dossier");
  } catch (error) {
    stream.resume();
    if (error instanceof NotFoundError) return { ok: false, status: 404 };
    throw error;
  }
  const filename = sanitizeFilename(input.filename);
  const accepted = {
    formats: formatsOfFamilies(undefined),
    maxBytes: Math.min(JUSTIFICATIF_MAX_BYTES, services.config.uploadMaxBytes),
  };
  const context = {
    libelle: translate(input.locale, "instructeur.dossier.decision.justificatif"),
    filename,
    accepted,
    locale: input.locale,
  };
  return storeChecked(storageFor(services.config), stream, context, async (file) => {
    const blobId = randomUUID();
    await recordDirectUpload(services.db, {
      blobId,
      dossierId: input.dossierId,
      file: { storageKey: file.key, filename, contentType: file.contentType, byteSize: file.byteSize, checksum: file.checksum },
    });
    return { ok: true, value: blobId };
  });
}
