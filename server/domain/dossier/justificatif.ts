/**
 * The justificatif of a decision (accepter, refuser, classer sans suite): one file the instructeur
 * joins to the decision, served as `Dossier.motivationAttachment`, on the usager's dossier page and
 * in the exports. The reference limits it to 20 MB (further capped by the instance's upload limit).
 */
import { z } from "zod";

export const JUSTIFICATIF_MAX_BYTES = 20 * 1024 * 1024;

/** The file input of the decision form. */
export const JUSTIFICATIF_INPUT = "justificatif";
/** Set by the upload middleware only (a posted value is dropped): the stored, unclaimed file. */
export const JUSTIFICATIF_BLOB_FIELD = "_justificatif_blob";
/** Set by the upload middleware only: why the chosen file was refused (JSON `{ code, params }`). */
export const JUSTIFICATIF_ERROR_FIELD = "_justificatif_error";

export const JUSTIFICATIF_ERROR_CODES = ["file_too_large", "file_format_not_accepted", "file_empty", "upload_failed"] as const;
export type JustificatifErrorCode = (typeof JUSTIFICATIF_ERROR_CODES)[number];

const ZJustificatifError = z.object({
  code: z.enum(JUSTIFICATIF_ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type JustificatifError = z.infer<typeof ZJustificatifError>;

/** What the middleware handed on: a stored file's id, a refusal, or nothing chosen. */
export function readJustificatifFields(get: (name: string) => string | null): {
  blobId: string | null;
  error: JustificatifError | null;
} {
  const rawError = get(JUSTIFICATIF_ERROR_FIELD);
  if (rawError) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(rawError);
    } catch {
      parsed = null;
    }
    const error = ZJustificatifError.safeParse(parsed);
    return { blobId: null, error: error.success ? error.data : { code: "upload_failed", params: {} } };
  }
  const blobId = get(JUSTIFICATIF_BLOB_FIELD);
  return { blobId: blobId && z.string().uuid().safeParse(blobId).success ? blobId : null, error: null };
}
