/**
 * The endpoints the file fields use with JavaScript (the page works without them, see
 * dossier-form-uploads.ts):
 * - `POST /dossiers/:id/pieces-jointes/:key`, multipart with `_csrf` first, then one `file`:
 *   streams the file into the field and answers `201 { file }`, or `{ error: { code, message } }`
 *   with 413 (too large), 415 (format), 422 (empty, too many files), 403 (CSRF), 404 (not yours).
 * - `POST /dossiers/:id/pieces-jointes/:key/:attachmentId/supprimer`, urlencoded `_csrf`: removes
 *   the file from the field, `200 { ok: true }` or 422 / 403 / 404.
 * The same two under `/procedures/:demarcheId/dossiers/:id/…` are the instructeurs' ones, for the
 * annotations privées (dossier-form-pages.ts says who writes which form).
 * `:key` is the field's key: its stable id, plus `|<row id>` inside a repetition row.
 */
import { champErrorsOf } from "../../operations/dossiers/champ-refusals";
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import type { AppServices } from "../context";
import type { Locale } from "../../../common/i18n";
import { translate } from "../../../common/i18n";
import { champErrorMessage } from "../../domain/champs/errors";
import { detachFile } from "../../operations/attachments/detach-file";
import { BadRequestError, NotFoundError } from "../../errors";
import { CSRF_FIELD } from "../csrf";
import { type DossierFormPage, fileFieldWriterOf } from "./dossier-form-pages";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { readRequestAuth, requestLocale } from "./request-auth";
import { downloadPath } from "./signed-url";
import { type UploadFailure, uploadToDossier } from "./store-upload";

type JsonError = { status: number; code: string; message: string };

function sendError(res: Response, error: JsonError) {
  res
    .status(error.status)
    .setHeader("Cache-Control", "no-store")
    .json({ error: { code: error.code, message: error.message } });
}

function notFound(locale: Locale): JsonError {
  return { status: 404, code: "not_found", message: translate(locale, "fichiers.errors.notFound") };
}

function csrfRefused(locale: Locale): JsonError {
  return { status: 403, code: "csrf", message: translate(locale, "fichiers.errors.csrf") };
}

function fromFailure(failure: UploadFailure, locale: Locale): JsonError {
  if (!("error" in failure)) return notFound(locale);
  return { status: failure.status, code: failure.error.code, message: champErrorMessage(failure.error, locale) };
}

function idOf(raw: unknown): number | null {
  return typeof raw === "string" && /^\d{1,10}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

type Params = Request["params"];

/** The usager's form of `/dossiers/:id/…`. */
function usagerPage(params: Params): DossierFormPage | null {
  const dossierId = idOf(params.id);
  return dossierId === null ? null : { form: "champs", dossierId };
}

/** The annotations privées of `/procedures/:demarcheId/dossiers/:id/…`. */
function instructeurPage(params: Params): DossierFormPage | null {
  const dossierId = idOf(params.id);
  const demarcheId = idOf(params.demarcheId);
  return dossierId === null || demarcheId === null ? null : { form: "annotations", demarcheId, dossierId };
}

export function dossierFileEndpoints(services: AppServices): Router {
  const router = Router();

  const upload =
    (pageOf: (params: Params) => DossierFormPage | null): RequestHandler =>
    async (req, res, next) => {
      const locale = requestLocale(req);
      const page = pageOf(req.params);
      const key = String(req.params.key ?? "");
      if (page === null) return sendError(res, notFound(locale));
      if (!isMultipart(req)) {
        return sendError(res, { status: 400, code: "bad_request", message: translate(locale, "fichiers.errors.badRequest") });
      }
      try {
        const auth = await readRequestAuth(services, req);
        let csrf: boolean | null = null;
        let answer: JsonError | { status: 201; file: unknown } | null = null;
        await readMultipart(
          req,
          { fields: 5, fieldBytes: 10_000, files: 1, fileBytes: services.config.uploadMaxBytes + 1 },
          {
            field(name, value) {
              // The token must come first, before any file is read.
              csrf ??= name === CSRF_FIELD && auth.isValidCsrf(value);
            },
            async file(name, stream, filename) {
              csrf ??= false;
              const writer = fileFieldWriterOf(page, auth.user);
              if (!csrf) answer = csrfRefused(locale);
              else if (!writer) answer = notFound(locale);
              if (answer || !writer || name !== "file") return void stream.resume();
              const result = await uploadToDossier(services, {
                writer,
                dossierId: page.dossierId,
                key,
                stream,
                filename,
                locale,
              });
              answer = result.ok
                ? { status: 201, file: { ...result.value, url: downloadPath(result.value.id) } }
                : fromFailure(result, locale);
            },
          },
        );
        const final = answer as JsonError | { status: 201; file: unknown } | null;
        if (final === null) {
          return sendError(res, { status: 400, code: "no_file", message: translate(locale, "fichiers.errors.noFile") });
        }
        if ("file" in final) return res.status(201).setHeader("Cache-Control", "no-store").json({ file: final.file });
        return sendError(res, final);
      } catch (error) {
        if (error instanceof MultipartError) {
          return sendError(res, {
            status: error.status,
            code: "bad_request",
            message: translate(locale, error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest"),
          });
        }
        next(error);
      }
    };

  const remove =
    (pageOf: (params: Params) => DossierFormPage | null): RequestHandler =>
    async (req, res, next) => {
      const locale = requestLocale(req);
      const page = pageOf(req.params);
      if (page === null) return sendError(res, notFound(locale));
      try {
        const auth = await readRequestAuth(services, req);
        if (!auth.isValidCsrf((req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD])) {
          return sendError(res, csrfRefused(locale));
        }
        const writer = fileFieldWriterOf(page, auth.user);
        if (!writer) return sendError(res, notFound(locale));
        const result = await detachFile(services.db, {
          writer,
          dossierId: page.dossierId,
          key: String(req.params.key ?? ""),
          attachmentId: String(req.params.attachmentId ?? ""),
        });
        if (!result.ok) {
          const [error] = Object.values(champErrorsOf(result.refusals));
          const code = error?.code ?? "file_last_required";
          return sendError(res, { status: 422, code, message: champErrorMessage(error ?? { code }, locale) });
        }
        res.status(200).setHeader("Cache-Control", "no-store").json({ ok: true });
      } catch (error) {
        if (error instanceof NotFoundError || error instanceof BadRequestError) return sendError(res, notFound(locale));
        next(error);
      }
    };

  const removalBody = express.urlencoded({ extended: false, limit: "10kb", parameterLimit: 10 });
  for (const [base, pageOf] of [
    ["/dossiers/:id", usagerPage],
    ["/procedures/:demarcheId/dossiers/:id", instructeurPage],
  ] as const) {
    router.post(`${base}/pieces-jointes/:key`, upload(pageOf));
    router.post(`${base}/pieces-jointes/:key/:attachmentId/supprimer`, removalBody, remove(pageOf));
  }
  return router;
}
