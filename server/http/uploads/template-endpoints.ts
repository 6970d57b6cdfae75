/**
 * The administrateur's model file of a field (and notice of an explication), from the form
 * editor, as plain form posts that work without JavaScript:
 * - `POST /admin/procedures/:id/champs/:stableId/modele`, multipart: `_csrf` first, `_return`
 *   ("champs" or "annotations": the editor page to go back to), then `file`;
 * - `POST /admin/procedures/:id/champs/:stableId/modele/supprimer`, urlencoded `_csrf`, `_return`.
 * Both answer 303 to the editor, at the field's card, with `modele=ajoute|supprime` or
 * `modele_erreur=<code>` and `champ=<stableId>` in the query for the card to show the outcome.
 * Not an administrateur of the démarche, or not such a field: 404, nothing stored.
 */
import express, { type RequestHandler, type Response, Router } from "express";
import type { AppServices } from "../context";
import { translate } from "../../../common/i18n";
import { sanitizeFilename } from "../../domain/files/file-ref";
import { storageFor } from "../../integrations/storage";
import { findTemplateTarget, removeChampTemplate, setChampTemplate } from "../../operations/attachments/champ-template";
import { BadRequestError, NotFoundError } from "../../errors";
import { CSRF_FIELD } from "../csrf";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { requestAsGet } from "./replay";
import { readRequestAuth, requestLocale } from "./request-auth";
import { storeChecked } from "./store-upload";

export const TEMPLATE_RETURN_FIELD = "_return";
const RETURN_PAGES = new Set(["champs", "annotations"]);

function idOf(raw: unknown): number | null {
  return typeof raw === "string" && /^\d{1,10}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

function backToEditor(res: Response, demarcheId: number, page: string, stableId: number, outcome: Record<string, string>) {
  const query = new URLSearchParams({ ...outcome, champ: String(stableId) });
  res.redirect(303, `/admin/procedures/${demarcheId}/${RETURN_PAGES.has(page) ? page : "champs"}?${query}#champ-${stableId}`);
}

export function templateEndpoints(services: AppServices, pages: RequestHandler): Router {
  const router = Router();
  // The body is read: the 404 page is rendered for a GET of the same URL.
  const notFound: RequestHandler = (req, res, next) => pages(requestAsGet(req), res, next);

  const upload: RequestHandler = async (req, res, next) => {
    const demarcheId = idOf(req.params.id);
    const stableId = idOf(req.params.stableId);
    // Not a route of ours: the pages answer (404).
    if (demarcheId === null || stableId === null || !isMultipart(req)) return next();
    const locale = requestLocale(req);
    try {
      const auth = await readRequestAuth(services, req);
      let csrf: boolean | null = null;
      let page = "champs";
      let outcome: Record<string, string> | "not_found" | "csrf" | null = null;
      await readMultipart(
        req,
        { fields: 5, fieldBytes: 10_000, files: 1, fileBytes: services.config.uploadMaxBytes + 1 },
        {
          field(name, value) {
            csrf ??= name === CSRF_FIELD && auth.isValidCsrf(value);
            if (name === TEMPLATE_RETURN_FIELD) page = value;
          },
          async file(name, stream, filename) {
            csrf ??= false;
            const administrateurId = auth.user?.administrateurId ?? null;
            if (!csrf) outcome = "csrf";
            else if (!auth.user || administrateurId === null) outcome = "not_found";
            if (outcome !== null || name !== "file" || filename === "") return void stream.resume();
            let target: Awaited<ReturnType<typeof findTemplateTarget>>;
            try {
              target = await findTemplateTarget(services.db, {
                administrateurId: administrateurId as number,
                demarcheId,
                stableId,
                maxBytesCap: services.config.uploadMaxBytes,
              });
            } catch (error) {
              stream.resume();
              if (!(error instanceof NotFoundError)) throw error;
              outcome = "not_found";
              return;
            }
            const context = { libelle: target.libelle, filename: sanitizeFilename(filename), accepted: target.accepted, locale };
            const result = await storeChecked(storageFor(services.config), stream, context, async (file) => {
              await setChampTemplate(services.db, {
                userId: (auth.user as { id: number }).id,
                administrateurId: administrateurId as number,
                demarcheId,
                stableId,
                file: {
                  storageKey: file.key,
                  filename: context.filename,
                  contentType: file.contentType,
                  byteSize: file.byteSize,
                  checksum: file.checksum,
                },
              });
              return { ok: true, value: null };
            });
            outcome = result.ok ? { modele: "ajoute" } : "error" in result ? { modele_erreur: result.error.code } : "not_found";
          },
        },
      );
      const final = outcome as Record<string, string> | "not_found" | "csrf" | null;
      if (final === "not_found") return notFound(req, res, next);
      if (final === "csrf") return res.status(403).type("text/plain").send(translate(locale, "fichiers.errors.csrf"));
      backToEditor(res, demarcheId, page, stableId, final ?? { modele_erreur: "file_empty" });
    } catch (error) {
      if (error instanceof MultipartError) {
        const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
        return res.status(error.status).type("text/plain").send(translate(locale, key));
      }
      if (error instanceof NotFoundError) return notFound(req, res, next);
      next(error);
    }
  };

  const remove: RequestHandler = async (req, res, next) => {
    const demarcheId = idOf(req.params.id);
    const stableId = idOf(req.params.stableId);
    if (demarcheId === null || stableId === null) return notFound(req, res, next);
    const locale = requestLocale(req);
    try {
      const auth = await readRequestAuth(services, req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!auth.isValidCsrf(body[CSRF_FIELD])) {
        return res.status(403).type("text/plain").send(translate(locale, "fichiers.errors.csrf"));
      }
      const administrateurId = auth.user?.administrateurId ?? null;
      if (administrateurId === null) return notFound(req, res, next);
      await removeChampTemplate(services.db, { administrateurId, demarcheId, stableId });
      backToEditor(res, demarcheId, String(body[TEMPLATE_RETURN_FIELD] ?? ""), stableId, { modele: "supprime" });
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof BadRequestError) return notFound(req, res, next);
      next(error);
    }
  };

  router.post("/admin/procedures/:id/champs/:stableId/modele", upload);
  router.post(
    "/admin/procedures/:id/champs/:stableId/modele/supprimer",
    express.urlencoded({ extended: false, limit: "10kb", parameterLimit: 10 }),
    remove,
  );
  return router;
}
