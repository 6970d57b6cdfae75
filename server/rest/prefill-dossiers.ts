/**
 * The reference's prefill API, `/api/public/v1/demarches/<number>/dossiers` (no authentication):
 * - POST (JSON object of `champ_<field id>` / `identite_*` keys) creates an orphan prefilled
 *   brouillon and answers 201 with its link and token;
 * - GET `?prefill_token=a,b` gives the state of the prefilled dossiers of those tokens.
 * Errors keep the reference's messages (`Content-Type should be json`, `procedure <n> is not found`).
 */
import express, { type Request, type Response, Router } from "express";
import type { AppServices } from "../http/context";
import { prefillParamsFromJson } from "../domain/prefill/params";
import { toGlobalId } from "../graphql/ids";
import { referenceDataFor } from "../integrations/reference-data";
import { NotFoundError } from "../errors";
import { retryAfterSecondsOf } from "../refusal";
import { createPrefilledDossier } from "../operations/prefill/create-prefilled-dossier";
import { PREFILL_CREATE_LIMIT, prefillReadRule } from "../operations/prefill/limits";
import { listPrefilledDossiers } from "../operations/prefill/list-prefilled-dossiers";
import { clientIp, jsonErrorHandler, sendError, sendJson, sendTooManyRequests, withinRateLimit } from "./json";

/** Bodies above this are refused (413) before being parsed. */
export const PREFILL_MAX_BODY_BYTES = 1_000_000;

/** The link that reopens a prefilled dossier: `/commencer/<path>?prefill_token=…` (`/commencer/test/…` in test). */
export function prefilledDossierUrl(appUrl: string, dossier: { path: string; test: boolean; prefillToken: string }) {
  const base = dossier.test ? "/commencer/test/" : "/commencer/";
  return `${appUrl}${base}${encodeURIComponent(dossier.path)}?prefill_token=${encodeURIComponent(dossier.prefillToken)}`;
}

/** The answer about an orphan prefilled dossier (the creation's 201 body). */
export function orphanBody(appUrl: string, dossier: { dossierId: number; path: string; test: boolean; prefillToken: string }) {
  return {
    dossier_url: prefilledDossierUrl(appUrl, dossier),
    state: "prefilled",
    dossier_id: toGlobalId("Dossier", dossier.dossierId),
    dossier_number: dossier.dossierId,
    dossier_prefill_token: dossier.prefillToken,
  };
}

/** `/demarches/12/…` → 12; anything else → null (answered as an unknown démarche). */
function demarcheNumber(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

function notFound(res: Response, raw: string | undefined) {
  sendError(res, 404, `procedure ${String(raw ?? "").slice(0, 50)} is not found`);
}

/** Media type of the request, without parameters (`application/json; charset=utf-8` is JSON). */
function isJson(req: Request): boolean {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** `prefill_token=a,b`, repeated, or `prefill_token[]=…`. */
function tokensOf(req: Request): string[] {
  const search = new URL(req.originalUrl, "http://localhost").searchParams;
  return [...search.getAll("prefill_token"), ...search.getAll("prefill_token[]")]
    .flatMap((value) => value.split(","))
    .map((token) => token.trim())
    .filter((token) => token !== "");
}

export function createPrefillDossiersRouter({ config, db, logger }: AppServices): Router {
  const router = Router();
  // Prefilled addresses are searched in the national address base (configured BAN) before the dossier is created.
  const refs = referenceDataFor(config, (reason) => logger.warn({ reason }, "address search (BAN) failed"));
  const parseJson = express.json({ limit: PREFILL_MAX_BODY_BYTES, strict: false, type: () => true });

  router.post("/demarches/:number/dossiers", (req, res, next) => {
    if (!isJson(req)) {
      req.resume();
      return sendError(res, 400, "Content-Type should be json");
    }
    parseJson(req, res, next);
  });

  router.post("/demarches/:number/dossiers", async (req, res, next) => {
    try {
      const number = demarcheNumber(req.params.number);
      if (number === null) return notFound(res, req.params.number);
      const params = prefillParamsFromJson(req.body);
      if (params === null) return sendError(res, 400, "The request body must be a JSON object");
      const result = await createPrefilledDossier(db, { target: { demarcheNumber: number }, params, ip: clientIp(req) }, refs);
      if (!result.ok) return sendTooManyRequests(res, PREFILL_CREATE_LIMIT, retryAfterSecondsOf(result.refusals) ?? 60);
      sendJson(res, 201, orphanBody(config.appUrl, result.dossier));
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(res, req.params.number);
      next(error);
    }
  });

  router.get("/demarches/:number/dossiers", async (req, res, next) => {
    try {
      if (!(await withinRateLimit(db, res, prefillReadRule(clientIp(req))))) return;
      const number = demarcheNumber(req.params.number);
      if (number === null) return notFound(res, req.params.number);
      const { demarche, dossiers } = await listPrefilledDossiers(db, number, tokensOf(req));
      const test = demarche.state === "brouillon";
      const body = dossiers.map((dossier) => {
        const ref = { dossierId: dossier.id, path: demarche.path as string, test, prefillToken: dossier.prefillToken };
        if (dossier.userId === null && dossier.state === "brouillon") return orphanBody(config.appUrl, ref);
        return withoutNulls({
          state: dossier.state,
          submitted_at: dossier.deposeAt?.toISOString() ?? null,
          processed_at: dossier.processedAt?.toISOString() ?? null,
          dossier_id: toGlobalId("Dossier", dossier.id),
          dossier_number: dossier.id,
          dossier_prefill_token: dossier.prefillToken,
        });
      });
      sendJson(res, 200, body);
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(res, req.params.number);
      next(error);
    }
  });

  router.all("/demarches/:number/dossiers", (req, res) => {
    req.resume();
    res.set("Allow", "GET, POST");
    sendError(res, 405, `${req.method} is not allowed`);
  });

  router.use(jsonErrorHandler(logger, PREFILL_MAX_BODY_BYTES));
  return router;
}

function withoutNulls<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Partial<T>;
}
