/**
 * `GET /pieces-jointes/:id`: the bytes of one file, streamed from storage, to whoever may see it
 * (`findDownloadableAttachment`) or with a valid signed link. Served as a download with the
 * sniffed type and `nosniff`, in a sandbox, so a file can never run as a page of this site.
 * Anyone else gets the site's 404 page (the request goes on to React Router, which has no such route).
 */
import type { RequestHandler } from "express";
import type { AppServices } from "../context";
import { ObjectNotFoundError, storageFor } from "../../integrations/storage";
import { findDownloadableAttachment } from "../../operations/attachments/find-downloadable-attachment";
import { NotFoundError } from "../../errors";
import { attachmentDisposition } from "./content-disposition";
import { readRequestAuth } from "./request-auth";
import { isValidSignedDownload } from "./signed-url";

export function downloadHandler(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const id = String(req.params.id ?? "");
      const signed = isValidSignedDownload(services.config.sessionSecret, id, req.query as Record<string, unknown>);
      let viewer: Parameters<typeof findDownloadableAttachment>[1] = "signed";
      if (!signed) {
        const { user } = await readRequestAuth(services, req);
        viewer = user && {
          userId: user.id,
          administrateurId: user.administrateurId,
          instructeurId: user.instructeurId,
          expertId: user.expertId,
        };
      }
      const file = await findDownloadableAttachment(services.db, viewer, id);
      const body = await storageFor(services.config).get(file.storageKey);
      res.status(200);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(file.byteSize));
      res.setHeader("Content-Disposition", attachmentDisposition(file.filename));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Cache-Control", "private, no-store");
      if (req.method === "HEAD") {
        body.destroy();
        res.end();
        return;
      }
      body.on("error", (error) => {
        services.logger.error({ err: error, attachmentId: id }, "file download failed");
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      if (error instanceof NotFoundError) return next();
      if (error instanceof ObjectNotFoundError) {
        // A row without its bytes: report it, and answer as for a missing file.
        services.logger.error({ err: error }, "attachment bytes missing from storage");
        return next();
      }
      next(error);
    }
  };
}
