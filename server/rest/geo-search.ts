/**
 * Public search endpoints of the geographic fields' autocomplete (GET, JSON, no session needed),
 * mounted under /api/geo:
 *
 *   GET /api/geo/communes?q=<name or postal code>   (2–100 characters)
 *   GET /api/geo/epci?q=<name or SIREN>              (2–100 characters)
 *   GET /api/geo/adresses?q=<address>                (3–200 characters, the BAN's own bounds)
 *
 * Each answers `{ "results": [{ "value", "label", "hint"? }] }`, at most 20: `value` is what the
 * form's hidden input carries (see the form contracts in server/domain/champs/types), `label` the
 * text the input then shows. 400 for a bad query, 429 over the rate limit (per IP, in the database
 * like the other public APIs), 503 when the address service is down or not configured (the form
 * then offers the manual mode). Communes and EPCI come from the bundled data, loaded on first use.
 */
import express, { type Request, type RequestHandler } from "express";
import type { AppServices } from "../http/context";
import { communeLabel } from "../domain/champs/types/communes";
import { departementDisplay } from "../domain/champs/types/departements";
import { epciLabel } from "../domain/champs/types/epci";
import type { ReferenceData } from "../domain/geo/reference-data";
import { referenceDataFor } from "../integrations/reference-data";
import { rateLimitKey } from "../security/rate-limit";
import { clientIp, jsonErrorHandler, sendError, sendJson, withinRateLimit } from "./json";

export const GEO_RESULTS_LIMIT = 20;
/** Searches per IP and minute: plenty for someone typing (the autocomplete waits for a pause), little for a scraper. */
export const GEO_RATE_LIMIT_PER_MINUTE = 120;

interface Bounds {
  min: number;
  max: number;
}

const NAME_BOUNDS: Bounds = { min: 2, max: 100 };
const ADDRESS_BOUNDS: Bounds = { min: 3, max: 200 };

export interface GeoResult {
  value: string;
  label: string;
  hint?: string;
}

export interface GeoSearchOptions {
  /** Defaults to the bundled data and the configured BAN. */
  refs?: ReferenceData;
  rateLimitPerMinute?: number;
}

/** The `q` parameter, one string of the right length once control characters are removed. */
function searchText(req: Request, bounds: Bounds): string | { error: string } {
  const raw = req.query.q;
  if (typeof raw !== "string") return { error: "Give one search text in the q parameter" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const q = raw.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (q.length < bounds.min || q.length > bounds.max) {
    return { error: `The search text must have between ${bounds.min} and ${bounds.max} characters` };
  }
  return q;
}

export function createGeoSearchRouter(services: AppServices, options: GeoSearchOptions = {}): RequestHandler {
  const { db, logger, config } = services;
  const refs = options.refs ?? referenceDataFor(config, (reason) => logger.warn({ reason }, "address search (BAN) failed"));
  const limit = options.rateLimitPerMinute ?? GEO_RATE_LIMIT_PER_MINUTE;
  const router = express.Router();

  const route = (path: string, bounds: Bounds, search: (q: string) => Promise<GeoResult[] | null>) => {
    router.get(path, async (req, res, next) => {
      try {
        const rule = { key: rateLimitKey("geo_search", "ip", clientIp(req)), limit, windowSeconds: 60 };
        if (!(await withinRateLimit(db, res, rule))) return;
        const q = searchText(req, bounds);
        if (typeof q !== "string") return sendError(res, 400, q.error);
        const results = await search(q);
        if (results === null) return sendError(res, 503, "The address service is unavailable: enter the address manually");
        sendJson(res, 200, { results });
      } catch (error) {
        next(error);
      }
    });
  };

  route("/communes", NAME_BOUNDS, async (q) =>
    (await refs.searchCommunes(q, GEO_RESULTS_LIMIT)).map((commune) => ({
      value: `${commune.code}|${commune.postalCode}`,
      label: communeLabel(commune),
      hint: departementDisplay(commune.departementCode, "fr"),
    })),
  );

  route("/epci", NAME_BOUNDS, async (q) =>
    (await refs.searchEpcis(q, GEO_RESULTS_LIMIT)).map((epci) => ({
      value: `${epci.code}|${epci.departementCode}`,
      label: epciLabel(epci),
      hint: `${departementDisplay(epci.departementCode, "fr")} · SIREN ${epci.code}`,
    })),
  );

  route("/adresses", ADDRESS_BOUNDS, async (q) => {
    const found = await refs.searchAddresses(q, GEO_RESULTS_LIMIT);
    return found.ok ? found.addresses.map((address) => ({ value: address.banId, label: address.label })) : null;
  });

  router.use((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.set("Allow", "GET");
      return sendError(res, 405, `${req.method} is not allowed: use GET`);
    }
    sendError(res, 404, "Not found");
  });
  router.use(jsonErrorHandler(logger, 0));
  return router;
}
