/**
 * GET /preremplir/<path>/schema: the démarche's descriptor as JSON, for integrators building
 * prefill links or calls (the reference serves its GraphQL `demarcheDescriptor` there). Public, for
 * démarches open to prefill (published, or in test); read budget per IP address.
 */
import { Router } from "express";
import type { AppServices } from "../http/context";
import { demarcheDescriptor } from "../graphql/demarche-descriptor";
import { prefillReadRule } from "../operations/prefill/limits";
import { findDemarcheByPath } from "../lookups/demarche-by-path";
import { clientIp, jsonErrorHandler, sendError, sendJson, withinRateLimit } from "./json";

export function createPrefillSchemaRouter({ config, db, logger }: AppServices): Router {
  const router = Router();
  router.get("/:path/schema", async (req, res, next) => {
    try {
      if (!(await withinRateLimit(db, res, prefillReadRule(clientIp(req))))) return;
      const path = String(req.params.path ?? "").slice(0, 200);
      const demarche = await findDemarcheByPath(db, path);
      if (!demarche?.path || (demarche.state !== "publiee" && demarche.state !== "brouillon")) {
        return sendError(res, 404, `procedure ${path} is not found`);
      }
      const test = demarche.state === "brouillon";
      const descriptor = await demarcheDescriptor(db, demarche.id, {
        demarcheURL: `${config.appUrl}${test ? "/commencer/test/" : "/commencer/"}${encodeURIComponent(demarche.path)}`,
        cadreJuridiqueURL: demarche.cadreJuridique,
      });
      if (!descriptor) return sendError(res, 404, `procedure ${path} is not found`);
      sendJson(res, 200, descriptor);
    } catch (error) {
      next(error);
    }
  });
  router.use(jsonErrorHandler(logger, 0));
  return router;
}
