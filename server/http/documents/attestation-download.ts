/**
 * A dossier's attestation over HTTP: for its usager (`/dossiers/:id/attestation`), the
 * instructeurs who may see the dossier (`/procedures/:demarcheId/dossiers/:id/attestation`) and
 * API clients through a signed link (`/api/v2/dossiers/:id/attestation`, `Dossier.attestation`).
 * The stored PDF is streamed; anyone without access (or no attestation) goes on to the pages,
 * which answer the site's 404.
 */
import { type RequestHandler, Router } from "express";
import { translate } from "../../../common/i18n";
import { PDF_CONTENT_TYPE } from "../../documents/pdf";
import { NotFoundError } from "../../errors";
import { ObjectNotFoundError, storageFor } from "../../integrations/storage";
import { findInstructeurAttestation, findSignedAttestation, findUsagerAttestation } from "../../queries/dossier-attestation";
import type { AppServices } from "../context";
import { attachmentDisposition } from "../uploads/content-disposition";
import { readRequestAuth } from "../uploads/request-auth";
import { isValidSignedDocument } from "./signed-document-url";

const ID = /^\d{1,10}$/;

type Found = { dossierId: number; storageKey: string; byteSize: number };

export function attestationRoutes(services: AppServices): Router {
  const router = Router();
  const handle =
    (load: (req: Parameters<RequestHandler>[0]) => Promise<Found | null>): RequestHandler =>
    async (req, res, next) => {
      try {
        const found = await load(req);
        if (!found) return next();
        const stream = await storageFor(services.config).get(found.storageKey);
        res.status(200);
        res.setHeader("Content-Type", PDF_CONTENT_TYPE);
        res.setHeader("Content-Length", String(found.byteSize));
        res.setHeader(
          "Content-Disposition",
          attachmentDisposition(translate("fr", "attestations.pdf.filename", { n: found.dossierId })),
        );
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        res.setHeader("Cache-Control", "private, no-store");
        if (req.method === "HEAD") {
          stream.destroy();
          return void res.end();
        }
        stream.on("error", (error) => {
          services.logger.error({ err: error }, "attestation download failed");
          res.destroy(error);
        });
        stream.pipe(res);
      } catch (error) {
        if (error instanceof NotFoundError || error instanceof ObjectNotFoundError) return next();
        next(error);
      }
    };

  const usager = handle(async (req) => {
    const id = String(req.params.id ?? "");
    if (!ID.test(id)) return null;
    const { user } = await readRequestAuth(services, req);
    if (!user) return null;
    return findUsagerAttestation(services.db, user.id, Number(id));
  });
  const instructeur = handle(async (req) => {
    const demarcheId = String(req.params.demarcheId ?? "");
    const id = String(req.params.id ?? "");
    if (!ID.test(id) || !ID.test(demarcheId)) return null;
    const { user } = await readRequestAuth(services, req);
    if (!user?.instructeurId) return null;
    return findInstructeurAttestation(services.db, {
      instructeurId: user.instructeurId,
      demarcheId: Number(demarcheId),
      dossierId: Number(id),
    });
  });
  const signed = handle(async (req) => {
    const id = String(req.params.id ?? "");
    if (!ID.test(id)) return null;
    const query = req.query as Record<string, unknown>;
    if (!isValidSignedDocument(services.config.sessionSecret, "attestation", Number(id), query)) return null;
    return findSignedAttestation(services.db, Number(id));
  });

  for (const [path, handler] of [
    ["/dossiers/:id/attestation", usager],
    ["/procedures/:demarcheId/dossiers/:id/attestation", instructeur],
    ["/api/v2/dossiers/:id/attestation", signed],
  ] as const) {
    router.get(path, handler);
    router.head(path, handler);
  }
  return router;
}
