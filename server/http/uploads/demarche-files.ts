/**
 * `GET /demarches/:id/{logo,notice,deliberation}`: a démarche's presentation files, public as its
 * page `/commencer/<path>` is (any démarche not in the corbeille), streamed from storage with the
 * sniffed type and `nosniff`: the logo (a PNG re-encoded on upload) inline, the notice and the
 * délibération (PDF) as downloads with their file name. Anything else goes on to the site's 404.
 */
import type { RequestHandler } from "express";
import { and, eq, isNull } from "drizzle-orm";
import { demarches } from "../../db/schema";
import { isDemarcheFileKind } from "../../domain/demarches/presentation-files";
import { ObjectNotFoundError, storageFor } from "../../integrations/storage";
import { demarcheFilesOf } from "../../lookups/demarche-files";
import type { AppServices } from "../context";
import { attachmentDisposition } from "./content-disposition";

export function demarcheFileHandler(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      const kind = String(req.params.kind ?? "");
      if (!/^\d{1,10}$/.test(String(req.params.id)) || !isDemarcheFileKind(kind)) return next();
      const [demarche] = await services.db
        .select({ id: demarches.id })
        .from(demarches)
        .where(and(eq(demarches.id, id), isNull(demarches.hiddenAt)));
      if (!demarche) return next();
      const file = (await demarcheFilesOf(services.db, demarche.id))[kind];
      if (!file) return next();
      const body = await storageFor(services.config).get(file.storageKey);
      res.status(200);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(file.byteSize));
      res.setHeader("Content-Disposition", kind === "logo" ? "inline" : attachmentDisposition(file.filename));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Cache-Control", "public, max-age=300");
      res.setHeader("ETag", `"${file.checksum}"`);
      if (req.method === "HEAD") {
        body.destroy();
        res.end();
        return;
      }
      body.on("error", (error) => {
        services.logger.error({ err: error, demarcheId: id, kind }, "démarche file download failed");
        res.destroy(error);
      });
      body.pipe(res);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        services.logger.error({ err: error }, "démarche file bytes missing from storage");
        return next();
      }
      next(error);
    }
  };
}
