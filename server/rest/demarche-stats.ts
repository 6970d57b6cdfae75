/**
 * GET /api/public/v1/demarches/<id>/stats: a démarche's statistics in the reference's JSON shape
 * (`funnel`, `processed`, `processed_by_week`, `processing_time`, `processing_time_by_month`), for
 * published démarches whose administrateur left them opendata; anything else is the reference's
 * 404 JSON error. Computed at most once an hour per process and Paris day, and cacheable an hour.
 */
import { Router } from "express";
import { toReferenceJson } from "../domain/stats/compute";
import { NotFoundError } from "../errors";
import type { AppServices } from "../http/context";
import { demarcheStatistics, findOpendataDemarche, parisDate } from "../queries/demarche-statistics";
import { cachedStatistics, PUBLIC_STATS_TTL_MS } from "../queries/statistics-cache";
import { jsonErrorHandler, sendError } from "./json";

export function createDemarcheStatsRouter({ db, logger }: AppServices): Router {
  const router = Router();
  router.get("/demarches/:id/stats", async (req, res, next) => {
    try {
      const raw = String(req.params.id ?? "");
      const id = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
      let demarche: { id: number };
      try {
        demarche = await findOpendataDemarche(db, { id });
      } catch (error) {
        if (error instanceof NotFoundError) return sendError(res, 404, `procedure ${raw.slice(0, 50)} is not found`);
        throw error;
      }
      const now = new Date();
      const body = await cachedStatistics(db, `demarche:${demarche.id}:${parisDate(now)}`, PUBLIC_STATS_TTL_MS, async () =>
        JSON.stringify(toReferenceJson(await demarcheStatistics(db, demarche.id, now, { cacheRecent: true }))),
      );
      res
        .status(200)
        .set("Cache-Control", `public, max-age=${PUBLIC_STATS_TTL_MS / 1000}`)
        .type("application/json; charset=utf-8")
        .send(body);
    } catch (error) {
      next(error);
    }
  });
  router.use(jsonErrorHandler(logger, 0));
  return router;
}
