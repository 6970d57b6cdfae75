/**
 * Answers of the public REST APIs: JSON bodies `{ "error": "…" }` for failures (the reference's
 * shape), never cached, never a stack trace; rate limits answered 429 with the standard headers.
 */
import type { ErrorRequestHandler, Request, Response } from "express";
import type { Logger } from "../logger";
import type { DbOrTx } from "../db/client";
import { hitRateLimit, type RateLimitRule } from "../security/rate-limit";
import { redactUrl } from "../http/redact-url";

export function sendJson(res: Response, status: number, body: unknown) {
  res.status(status).set("Cache-Control", "no-store").type("application/json; charset=utf-8").send(JSON.stringify(body));
}

export function sendError(res: Response, status: number, error: string) {
  sendJson(res, status, { error });
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

/** Sets the headers of a refused request and answers 429. */
export function sendTooManyRequests(res: Response, rule: { limit: number }, retryAfterSeconds: number) {
  res.set({
    "RateLimit-Limit": String(rule.limit),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + retryAfterSeconds),
    "Retry-After": String(retryAfterSeconds),
  });
  sendError(res, 429, "Too many requests: retry later");
}

/** Counts the request against `rule`; answers 429 and returns false when over the limit. */
export async function withinRateLimit(db: DbOrTx, res: Response, rule: RateLimitRule): Promise<boolean> {
  const result = await hitRateLimit(db, rule);
  if (result.allowed) return true;
  sendTooManyRequests(res, rule, result.retryAfterSeconds);
  return false;
}

/** Body-parser failures as the client's errors; anything else logged and answered 500 without details. */
export function jsonErrorHandler(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") {
      res.set("Connection", "close");
      return sendError(res, 413, `The request body is larger than ${maxBodyBytes} bytes`);
    }
    if (type === "entity.parse.failed") return sendError(res, 400, "The request body is not valid JSON");
    if (type === "encoding.unsupported" || type === "charset.unsupported") {
      return sendError(res, 415, "Unsupported encoding: send UTF-8 JSON");
    }
    logger.error({ err: error, url: redactUrl(req.originalUrl) }, "public API error");
    if (res.headersSent) return res.end();
    sendError(res, 500, "Internal server error");
  };
}
