/**
 * Generated documents over HTTP, mounted before the pages (server/http/app.ts): the dossier's PDF
 * for its usager (`/dossiers/:id/pdf`), for the instructeurs who may see it
 * (`/procedures/:demarcheId/dossiers/:id/pdf`) and for API clients through a signed link
 * (`/api/v2/dossiers/:id/pdf`, `Dossier.pdf`). Generated on each request and streamed; anyone
 * without access goes on to the pages, which answer the site's 404.
 */
import type { Readable } from "node:stream";
import { type RequestHandler, type Response, Router } from "express";
import { translate } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { DossierDocument } from "../../domain/documents/dossier-document";
import { dossierPdfOptions, drawDossier } from "../../documents/dossier-pdf";
import { PDF_CONTENT_TYPE, pdfStream } from "../../documents/pdf";
import { NotFoundError } from "../../errors";
import {
  loadInstructeurDossierDocument,
  loadSignedDossierDocument,
  loadUsagerDossierDocument,
} from "../../queries/dossier-document";
import type { AppServices } from "../context";
import { attachmentDisposition } from "../uploads/content-disposition";
import { readRequestAuth } from "../uploads/request-auth";
import { attestationRoutes } from "./attestation-download";
import { isValidSignedDocument } from "./signed-document-url";

const ID = /^\d{1,10}$/;

/** The dossier's PDF, drawn while it streams to the response. */
export function sendDossierPdf(res: Response, document: DossierDocument, locale: Locale, method: string): Readable | null {
  res.status(200);
  res.setHeader("Content-Type", PDF_CONTENT_TYPE);
  res.setHeader("Content-Disposition", attachmentDisposition(filenameOf(document, locale)));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  res.setHeader("Cache-Control", "private, no-store");
  if (method === "HEAD") {
    res.end();
    return null;
  }
  const stream = pdfStream((doc) => drawDossier(doc, document, locale), dossierPdfOptions(document, locale));
  stream.pipe(res);
  return stream;
}

function filenameOf(document: DossierDocument, locale: Locale) {
  return translate(locale, "documents.dossier.filename", { n: document.number });
}

export function documentRoutes(services: AppServices): Router {
  const router = Router();
  const handle =
    (
      load: (req: Parameters<RequestHandler>[0]) => Promise<{ document: DossierDocument; locale: Locale } | null>,
    ): RequestHandler =>
    async (req, res, next) => {
      try {
        const loaded = await load(req);
        if (!loaded) return next();
        const stream = sendDossierPdf(res, loaded.document, loaded.locale, req.method);
        stream?.on("error", (error) => {
          services.logger.error({ err: error }, "dossier PDF failed");
          res.destroy(error);
        });
      } catch (error) {
        if (error instanceof NotFoundError) return next();
        next(error);
      }
    };

  const usager = handle(async (req) => {
    const id = String(req.params.id ?? "");
    if (!ID.test(id)) return null;
    const { user, locale } = await readRequestAuth(services, req);
    if (!user) return null;
    return { document: await loadUsagerDossierDocument(services.db, user.id, Number(id), locale), locale };
  });
  const instructeur = handle(async (req) => {
    const demarcheId = String(req.params.demarcheId ?? "");
    const id = String(req.params.id ?? "");
    if (!ID.test(id) || !ID.test(demarcheId)) return null;
    const { user, locale } = await readRequestAuth(services, req);
    if (!user?.instructeurId) return null;
    const input = { instructeurId: user.instructeurId, demarcheId: Number(demarcheId), dossierId: Number(id) };
    return { document: await loadInstructeurDossierDocument(services.db, input, locale), locale };
  });
  const signed = handle(async (req) => {
    const id = String(req.params.id ?? "");
    if (!ID.test(id)) return null;
    const query = req.query as Record<string, unknown>;
    if (!isValidSignedDocument(services.config.sessionSecret, "dossier-pdf", Number(id), query)) return null;
    // API clients read French, as the reference's.
    return { document: await loadSignedDossierDocument(services.db, Number(id), "fr"), locale: "fr" as const };
  });

  for (const [path, handler] of [
    ["/dossiers/:id/pdf", usager],
    ["/procedures/:demarcheId/dossiers/:id/pdf", instructeur],
    ["/api/v2/dossiers/:id/pdf", signed],
  ] as const) {
    router.get(path, handler);
    router.head(path, handler);
  }
  router.use(attestationRoutes(services));
  return router;
}
