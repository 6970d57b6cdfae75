/**
 * The avis forms are multipart (an optional file, with or without JavaScript): the instructeur's
 * request (`POST /procedures/:p/dossiers/:d/avis`, file `introduction_file`) and the expert's page
 * (`POST /avis/:id`, `answer_file` for the answer, `introduction_file` for a request to another
 * expert). This middleware runs before React Router for those POSTs and, streaming:
 * 1. checks the `_csrf` field first (files after a bad token are discarded);
 * 2. checks that the user may upload there (`findAvisUploadDossier`), else stores nothing;
 * 3. stores an accepted file (every known format, 20 MB as the reference's avis files) as an
 *    `attachments` row not yet attached to an avis, and hands its id to the page as
 *    `_avis_file_id`, or the refusal's message as `_avis_file_error`;
 * 4. hands the text fields on to React Router as an urlencoded body. The operation attaches the
 *    file only if this user uploaded it for this dossier; a page re-rendered after a refusal keeps
 *    the id, so the file is not lost. Unattached uploads are purged after an hour.
 */
import type { Request, RequestHandler } from "express";
import { translate } from "../../../common/i18n";
import { attachments } from "../../db/schema";
import { champErrorMessage } from "../../domain/champs/errors";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { FILE_FORMATS } from "../../domain/files/formats";
import { NotFoundError } from "../../errors";
import { storageFor } from "../../integrations/storage";
import { type AvisFormPage, findAvisUploadDossier } from "../../lookups/avis-upload-target";
import type { AppServices } from "../context";
import { CSRF_FIELD } from "../csrf";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { readRequestAuth, requestLocale, type RequestAuth } from "./request-auth";
import { requestWithBody } from "./replay";
import { storeChecked } from "./store-upload";

export const AVIS_FILE_ID_FIELD = "_avis_file_id";
export const AVIS_FILE_ERROR_FIELD = "_avis_file_error";
/** As the reference: avis and message attachments up to 20 MB. */
export const AVIS_FILE_MAX_BYTES = 20 * 1024 * 1024;

const ID = "(\\d{1,10})";
const INSTRUCTEUR_AVIS = new RegExp(`^/procedures/${ID}/dossiers/${ID}/avis(?:\\.data)?$`);
const EXPERT_AVIS = new RegExp(`^/avis/${ID}(?:\\.data)?$`);

export function avisFormPageOf(path: string): AvisFormPage | null {
  const instructeur = INSTRUCTEUR_AVIS.exec(path);
  if (instructeur) return { page: "instructeur", demarcheId: Number(instructeur[1]), dossierId: Number(instructeur[2]) };
  const expert = EXPERT_AVIS.exec(path);
  if (expert) return { page: "expert", avisId: Number(expert[1]) };
  return null;
}

const PURPOSES = { introduction_file: "avis_introduction", answer_file: "avis_reponse" } as const;

export function avisFormUploads(services: AppServices, pages: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const page = req.method === "POST" && isMultipart(req) ? avisFormPageOf(req.path) : null;
    if (!page) return next();
    const locale = requestLocale(req);
    const fields = new URLSearchParams();
    const auth: Promise<RequestAuth> = readRequestAuth(services, req);
    let csrf: boolean | null = null;
    try {
      await readMultipart(
        req,
        { fields: 100, fieldBytes: services.config.maxFormBytes, files: 2, fileBytes: AVIS_FILE_MAX_BYTES + 1 },
        {
          async field(name, value) {
            csrf ??= name === CSRF_FIELD && (await auth).isValidCsrf(value);
            // Only this middleware says which file was uploaded.
            if (name === AVIS_FILE_ID_FIELD || name === AVIS_FILE_ERROR_FIELD) return;
            fields.append(name, value);
          },
          async file(name, stream, filename) {
            csrf ??= false;
            const purpose = Object.hasOwn(PURPOSES, name) ? PURPOSES[name as keyof typeof PURPOSES] : null;
            const user = (await auth).user;
            if (filename === "" || !csrf || !user || !purpose) return void stream.resume();
            if (page.page === "instructeur" && purpose !== "avis_introduction") return void stream.resume();
            let dossierId: number;
            try {
              dossierId = await findAvisUploadDossier(services.db, user, page);
            } catch (error) {
              stream.resume();
              if (error instanceof NotFoundError) return;
              throw error;
            }
            const clean = sanitizeFilename(filename);
            const context = {
              libelle: translate(locale, "avis.instructeur.file"),
              filename: clean,
              accepted: { formats: FILE_FORMATS, maxBytes: AVIS_FILE_MAX_BYTES },
              locale,
            };
            const result = await storeChecked(storageFor(services.config), stream, context, async (file) => {
              const [row] = await services.db
                .insert(attachments)
                .values({
                  storageKey: file.key,
                  filename: clean,
                  contentType: file.contentType,
                  byteSize: file.byteSize,
                  checksum: file.checksum,
                  purpose,
                  dossierId,
                  uploadedByUserId: user.id,
                })
                .returning({ id: attachments.id });
              if (!row) throw new Error("attachment insert returned no row");
              return { ok: true as const, value: row.id };
            });
            if (result.ok) fields.append(AVIS_FILE_ID_FIELD, result.value);
            else if ("error" in result) fields.append(AVIS_FILE_ERROR_FIELD, champErrorMessage(result.error, locale));
          },
        },
      );
    } catch (error) {
      if (!(error instanceof MultipartError)) return next(error);
      const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
      return res.status(error.status).type("text/plain").send(translate(locale, key));
    }
    const body = Buffer.from(fields.toString());
    pages(requestWithBody(req as Request, body, "application/x-www-form-urlencoded"), res, next);
  };
}
