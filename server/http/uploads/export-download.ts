/**
 * `GET /procedures/:id/exports/:exportId/fichier`: a generated export, streamed from storage to the
 * instructeur who asked for it (and only them), with its type, size and file name (RFC 6266 /
 * 5987). Anything else — someone else's export, one not ready, purged or failed — goes on to the
 * pages (`app/routes/instructeur/export-file.tsx`): a page saying it has expired for its requester,
 * the site's 404 for anyone else.
 */
import type { RequestHandler } from "express";
import { CONTENT_TYPES, type ExportFormat } from "../../domain/exports/formats";
import { NotFoundError } from "../../errors";
import { ObjectNotFoundError, storageFor } from "../../integrations/storage";
import { findOwnExport } from "../../lookups/scoped-export";
import type { AppServices } from "../context";
import { attachmentDisposition } from "./content-disposition";
import { readRequestAuth } from "./request-auth";

const ID = /^\d{1,10}$/;

export function exportDownloadHandler(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const demarcheId = String(req.params.id ?? "");
      const exportId = String(req.params.exportId ?? "");
      if (!ID.test(demarcheId) || !ID.test(exportId)) return next();
      const { user } = await readRequestAuth(services, req);
      if (!user?.instructeurId) return next();
      const row = await findOwnExport(services.db, user.instructeurId, Number(demarcheId), Number(exportId));
      if (row.state !== "generated" || !row.fileKey || row.byteSize === null) return next();
      const body = await storageFor(services.config).get(row.fileKey);
      res.status(200);
      res.setHeader("Content-Type", CONTENT_TYPES[row.format as ExportFormat] ?? "application/octet-stream");
      res.setHeader("Content-Length", String(row.byteSize));
      res.setHeader("Content-Disposition", attachmentDisposition(row.filename ?? `export.${row.format}`));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Cache-Control", "private, no-store");
      if (req.method === "HEAD") {
        body.destroy();
        res.end();
        return;
      }
      body.on("error", (error) => {
        services.logger.error({ err: error, exportId }, "export download failed");
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      if (error instanceof NotFoundError) return next();
      if (error instanceof ObjectNotFoundError) {
        services.logger.error({ err: error }, "export bytes missing from storage");
        return next();
      }
      next(error);
    }
  };
}
