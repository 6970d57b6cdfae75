/**
 * `GET /admin/procedures/:id/archives/:archiveId/fichier` (the démarche's archives, to its
 * administrateurs) and `GET /procedures/:id/archives/:archiveId/fichier` (an archive of a groupe set,
 * to the instructeurs with exactly those groupes): a generated monthly archive, streamed from
 * storage, with its type, size and file name. Anything else — another démarche's or scope's
 * archive, one not ready, purged or failed, someone out of scope — goes on to the pages
 * (`app/routes/{admin,instructeur}/archive-file.tsx`: « expired » for those in scope, the site's 404
 * for anyone else).
 */
import type { RequestHandler } from "express";
import { NotFoundError } from "../../errors";
import { ObjectNotFoundError, storageFor } from "../../integrations/storage";
import { findDemarcheArchive, findInstructeurArchive } from "../../lookups/scoped-archive";
import type { AppServices } from "../context";
import { attachmentDisposition } from "./content-disposition";
import { readRequestAuth } from "./request-auth";

const ID = /^\d{1,10}$/;

export function archiveDownloadHandler(services: AppServices, persona: "administrateur" | "instructeur"): RequestHandler {
  return async (req, res, next) => {
    try {
      const demarcheId = String(req.params.id ?? "");
      const archiveId = String(req.params.archiveId ?? "");
      if (!ID.test(demarcheId) || !ID.test(archiveId)) return next();
      const { user } = await readRequestAuth(services, req);
      const row =
        persona === "administrateur"
          ? user?.administrateurId
            ? await findDemarcheArchive(services.db, user.administrateurId, Number(demarcheId), Number(archiveId))
            : null
          : user?.instructeurId
            ? await findInstructeurArchive(services.db, user.instructeurId, Number(demarcheId), Number(archiveId))
            : null;
      if (!row) return next();
      if (row.state !== "generated" || !row.fileKey || row.byteSize === null) return next();
      const body = await storageFor(services.config).get(row.fileKey);
      res.status(200);
      res.setHeader("Content-Type", "application/zip");
      res.setHeader("Content-Length", String(row.byteSize));
      res.setHeader("Content-Disposition", attachmentDisposition(row.filename ?? `archive_${row.demarcheId}_${row.month}.zip`));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Cache-Control", "private, no-store");
      if (req.method === "HEAD") {
        body.destroy();
        res.end();
        return;
      }
      body.on("error", (error) => {
        services.logger.error({ err: error, archiveId }, "archive download failed");
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      if (error instanceof NotFoundError) return next();
      if (error instanceof ObjectNotFoundError) {
        services.logger.error({ err: error }, "archive bytes missing from storage");
        return next();
      }
      next(error);
    }
  };
}
