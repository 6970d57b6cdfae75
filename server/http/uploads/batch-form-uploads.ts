/**
 * The instructeur list's batch form (`POST /procedures/:id`, the table's checkboxes and the action
 * bar) is multipart, with or without JavaScript, for the final decisions' justificatif. This
 * middleware runs before React Router for those POSTs and, streaming:
 * 1. checks the `_csrf` field (first in the form); a file after a bad or missing token is drained;
 * 2. stores the `justificatif` file, checked as the single decision's (format sniffed from the
 *    bytes, the global format list, at most 20 MB or the instance's limit), ONCE, as a
 *    `batch_justificatif` attachment of the démarche, when the signed-in instructeur works on it
 *    (otherwise drained: the page answers 404);
 * 3. hands the text fields on as an urlencoded body, plus `_justificatif_blob` (the stored file's
 *    id) or `_justificatif_error` (why it was refused). The action names the file in the batch;
 *    each decided dossier then shares it (server/operations/attachments/batch-justificatif.ts).
 */
import type { Request, RequestHandler } from "express";
import { translate } from "../../../common/i18n";
import {
  JUSTIFICATIF_BLOB_FIELD,
  JUSTIFICATIF_ERROR_FIELD,
  JUSTIFICATIF_INPUT,
  JUSTIFICATIF_MAX_BYTES,
} from "../../domain/dossier/justificatif";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { formatsOfFamilies } from "../../domain/files/formats";
import { storageFor } from "../../integrations/storage";
import { mayUploadBatchJustificatif, recordBatchJustificatif } from "../../operations/attachments/batch-justificatif";
import type { AppServices } from "../context";
import { CSRF_FIELD } from "../csrf";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { requestWithBody } from "./replay";
import { type RequestAuth, readRequestAuth, requestLocale } from "./request-auth";
import { storeChecked } from "./store-upload";

const LIST_PAGE = /^\/procedures\/(\d{1,10})(?:\.data)?$/;
/** 500 checked dossiers and the bar's fields, with room to spare (the action caps the ids at 5,000). */
const MAX_FIELDS = 6_000;

export function batchFormPageOf(path: string): { demarcheId: number } | null {
  const match = LIST_PAGE.exec(path);
  return match ? { demarcheId: Number(match[1]) } : null;
}

export function batchFormUploads(services: AppServices, pages: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const page = req.method === "POST" && isMultipart(req) ? batchFormPageOf(req.path) : null;
    if (!page) return next();
    const locale = requestLocale(req);
    const fields = new URLSearchParams();
    const auth: Promise<RequestAuth> = readRequestAuth(services, req);
    const accepted = {
      formats: formatsOfFamilies(undefined),
      maxBytes: Math.min(JUSTIFICATIF_MAX_BYTES, services.config.uploadMaxBytes),
    };
    let csrf: boolean | null = null;
    let handled = false;
    try {
      await readMultipart(
        req,
        { fields: MAX_FIELDS, fieldBytes: services.config.maxFormBytes, files: 2, fileBytes: accepted.maxBytes + 1 },
        {
          async field(name, value) {
            csrf ??= name === CSRF_FIELD && (await auth).isValidCsrf(value);
            // Set by this middleware only: a posted value is dropped.
            if (name === JUSTIFICATIF_BLOB_FIELD || name === JUSTIFICATIF_ERROR_FIELD) return;
            fields.append(name, value);
          },
          async file(name, stream, rawFilename) {
            csrf ??= false;
            if (rawFilename === "" || !csrf || handled || name !== JUSTIFICATIF_INPUT) return void stream.resume();
            handled = true;
            const { user } = await auth;
            if (
              !user ||
              user.instructeurId === null ||
              !(await mayUploadBatchJustificatif(services.db, user.instructeurId, page.demarcheId))
            ) {
              return void stream.resume();
            }
            const filename = sanitizeFilename(rawFilename);
            const context = { libelle: translate(locale, "liste.batch.justificatif"), filename, accepted, locale };
            const result = await storeChecked(storageFor(services.config), stream, context, async (file) => {
              const id = await recordBatchJustificatif(services.db, {
                demarcheId: page.demarcheId,
                userId: user.id,
                file: {
                  storageKey: file.key,
                  filename,
                  contentType: file.contentType,
                  byteSize: file.byteSize,
                  checksum: file.checksum,
                },
              });
              return { ok: true, value: id };
            });
            if (result.ok) fields.append(JUSTIFICATIF_BLOB_FIELD, result.value);
            else if ("error" in result) fields.append(JUSTIFICATIF_ERROR_FIELD, JSON.stringify(result.error));
          },
        },
      );
    } catch (error) {
      if (!(error instanceof MultipartError)) return next(error);
      const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
      return res.status(error.status).type("text/plain").send(translate(locale, key));
    }
    pages(requestWithBody(req as Request, Buffer.from(fields.toString()), "application/x-www-form-urlencoded"), res, next);
  };
}
