/**
 * The legacy API v1 of the reference, still used by old integrations:
 * `GET /api/v1/procedures/:id`, `GET /api/v1/procedures/:id/dossiers?page=&resultats_par_page=&order=`,
 * `GET /api/v1/procedures/:id/dossiers/:dossierId`. The token is the API v2's, in
 * `Authorization: Bearer` or the legacy `?token=`; without one, or an invalid, revoked or expired
 * one: 401 `{}`; outside the token's networks: 403 `{}`. Answers are built in server/graphql/api-v1.ts.
 */
import { type Request, type Response, Router } from "express";
import { authenticateApiToken, bearerFromHeader } from "../graphql/auth";
import { type V1Answer, v1Dossier, v1Dossiers, v1Procedure } from "../graphql/api-v1";
import type { AppServices } from "../http/context";
import { clientIp, sendJson } from "./json";

const ID = /^\d{1,9}$/;

export function createApiV1Router(services: AppServices): Router {
  const router = Router();
  const { db, config } = services;
  const links = { appUrl: config.appUrl, sessionSecret: config.sessionSecret };

  async function answer(req: Request, res: Response, build: (token: Parameters<typeof v1Procedure>[1]) => Promise<V1Answer>) {
    const header = bearerFromHeader(req.headers.authorization);
    const bearer = header ?? (typeof req.query.token === "string" ? req.query.token : undefined);
    if (!bearer) return sendJson(res, 401, {});
    const auth = await authenticateApiToken(db, bearer, new Date(), clientIp(req));
    if (!auth.ok) return sendJson(res, auth.reason === "forbidden_network" ? 403 : 401, {});
    const result = await build(auth.token);
    sendJson(res, result.status, result.body);
  }

  router.get("/procedures/:id", (req, res, next) => {
    if (!ID.test(req.params.id)) return sendJson(res, 404, {});
    answer(req, res, (token) => v1Procedure(db, token, links, Number(req.params.id))).catch(next);
  });
  router.get("/procedures/:id/dossiers", (req, res, next) => {
    if (!ID.test(req.params.id)) return sendJson(res, 404, {});
    answer(req, res, (token) => v1Dossiers(db, token, Number(req.params.id), req.query)).catch(next);
  });
  router.get("/procedures/:id/dossiers/:dossierId", (req, res, next) => {
    if (!ID.test(req.params.id) || !ID.test(req.params.dossierId)) return sendJson(res, 404, {});
    answer(req, res, (token) => v1Dossier(db, token, links, Number(req.params.id), Number(req.params.dossierId))).catch(next);
  });
  return router;
}
