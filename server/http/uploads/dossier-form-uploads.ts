/**
 * The dossier form without JavaScript: the brouillon and modification pages post their whole form
 * as multipart/form-data, files included, and so does the annotations privées form of the
 * instructeur's dossier page (dossier-form-pages.ts). This middleware runs before React Router for
 * those POSTs and, streaming (never buffering a file):
 * 1. checks the `_csrf` field, which the form puts first; files after an invalid or missing token
 *    are discarded;
 * 2. stores each chosen file into its field (`champ_<key>` inputs) if the signed-in user may
 *    change that form of that dossier — otherwise nothing is stored and the page answers 404 as usual;
 * 3. removes the files whose "remove" checkbox (`_delete_file`) was ticked;
 * 4. hands the text fields on to React Router as an urlencoded body, plus `_upload_errors` (see
 *    server/domain/files/upload-errors.ts) for the files refused, so the action saves everything
 *    typed and shows each refused file's error on its field.
 * The instructeur page's decision form posts its justificatif here too (decision-justificatif-upload.ts):
 * stored as an unclaimed upload, handed on as `_justificatif_blob` (or `_justificatif_error`).
 */
import { champErrorsOf } from "../../operations/dossiers/champ-refusals";
import type { Request, RequestHandler } from "express";
import type { AppServices } from "../context";
import { translate } from "../../../common/i18n";
import {
  DELETE_FILE_FIELD,
  UPLOAD_ERRORS_FIELD,
  type UploadErrorEntry,
  encodeUploadErrors,
  parseDeleteFileValue,
} from "../../domain/files/upload-errors";
import { detachFile } from "../../operations/attachments/detach-file";
import { BadRequestError, NotFoundError } from "../../errors";
import { CSRF_FIELD } from "../csrf";
import type { FileFieldWriter } from "../../operations/attachments/file-field-writer";
import { JUSTIFICATIF_BLOB_FIELD, JUSTIFICATIF_ERROR_FIELD, JUSTIFICATIF_INPUT } from "../../domain/dossier/justificatif";
import { uploadDecisionJustificatif } from "./decision-justificatif-upload";
import { dossierFormPageOf, fileFieldWriterOf } from "./dossier-form-pages";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { type RequestAuth, readRequestAuth, requestLocale } from "./request-auth";
import { requestWithBody } from "./replay";
import { uploadToDossier } from "./store-upload";

const CHAMP_INPUT_PREFIX = "champ_";
/** Fields of a large form (100 fields × 10 rows) and files per post. */
const MAX_FIELDS = 10_000;
const MAX_FILES = 100;

export function dossierFormUploads(services: AppServices, pages: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const page = req.method === "POST" && isMultipart(req) ? dossierFormPageOf(req.path) : null;
    if (!page) return next();
    const { dossierId } = page;
    const locale = requestLocale(req);
    const fields = new URLSearchParams();
    const errors: UploadErrorEntry[] = [];
    const deletions: string[] = [];
    const auth: Promise<RequestAuth> = readRequestAuth(services, req);
    let csrf: boolean | null = null;

    try {
      await readMultipart(
        req,
        {
          fields: MAX_FIELDS,
          fieldBytes: services.config.maxFormBytes,
          files: MAX_FILES,
          fileBytes: services.config.uploadMaxBytes + 1,
        },
        {
          async field(name, value) {
            csrf ??= name === CSRF_FIELD && (await auth).isValidCsrf(value);
            if (name === UPLOAD_ERRORS_FIELD || name === JUSTIFICATIF_BLOB_FIELD || name === JUSTIFICATIF_ERROR_FIELD) return;
            if (name === DELETE_FILE_FIELD) deletions.push(value);
            else fields.append(name, value);
          },
          async file(name, stream, filename) {
            csrf ??= false;
            if (page.form === "annotations" && name === JUSTIFICATIF_INPUT) {
              if (filename === "" || !csrf || fields.has(JUSTIFICATIF_BLOB_FIELD) || fields.has(JUSTIFICATIF_ERROR_FIELD)) {
                return void stream.resume();
              }
              const { user } = await auth;
              const result = await uploadDecisionJustificatif(services, {
                demarcheId: page.demarcheId,
                dossierId,
                user,
                stream,
                filename,
                locale,
              });
              if (result.ok) fields.append(JUSTIFICATIF_BLOB_FIELD, result.value);
              else if ("error" in result) fields.append(JUSTIFICATIF_ERROR_FIELD, JSON.stringify(result.error));
              return;
            }
            const writer = fileFieldWriterOf(page, (await auth).user);
            // An empty file input sends a part without a name; it is no file.
            if (filename === "" || !csrf || !writer || !name.startsWith(CHAMP_INPUT_PREFIX)) return void stream.resume();
            const key = name.slice(CHAMP_INPUT_PREFIX.length);
            const result = await uploadToDossier(services, { writer, dossierId, key, stream, filename, locale });
            // 404: not this user's dossier (or form) or not a file field; the action answers for the dossier.
            if (!result.ok && "error" in result) errors.push({ key, error: result.error });
          },
        },
      );
    } catch (error) {
      if (!(error instanceof MultipartError)) return next(error);
      const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
      return res.status(error.status).type("text/plain").send(translate(locale, key));
    }

    const writer = fileFieldWriterOf(page, (await auth).user);
    if (csrf && writer) {
      for (const value of deletions) {
        const target = parseDeleteFileValue(value);
        if (target) await removeFile(services, writer, dossierId, target, errors);
      }
    }
    if (errors.length > 0) fields.append(UPLOAD_ERRORS_FIELD, encodeUploadErrors(errors));
    const body = Buffer.from(fields.toString());
    pages(requestWithBody(req as Request, body, "application/x-www-form-urlencoded"), res, next);
  };
}

async function removeFile(
  services: AppServices,
  writer: FileFieldWriter,
  dossierId: number,
  target: { key: string; attachmentId: string },
  errors: UploadErrorEntry[],
) {
  try {
    const result = await detachFile(services.db, { writer, dossierId, ...target });
    if (!result.ok) {
      for (const [key, error] of Object.entries(champErrorsOf(result.refusals))) errors.push({ key, error });
    }
  } catch (error) {
    // Already removed (a second click) or not this user's: nothing to do, nothing to tell.
    if (!(error instanceof NotFoundError || error instanceof BadRequestError)) throw error;
  }
}
