/**
 * Transport of the GraphQL API v2 (POST /api/v2/graphql), compatible with the reference platform:
 * JSON or urlencoded form body `{ query, variables (object or JSON string), operationName }`,
 * `Authorization: Bearer <token>`, errors in the envelope
 * `{ errors: [{ message, extensions: { code } }], data: null }`.
 *
 * graphql-js is called directly (no server framework) so that each transport rule is explicit:
 * 405 for other methods, persisted queries by `queryId` (server/graphql/persisted; unknown id: 400
 * `bad_request`), 403 without a token unless the request is a persisted query (it then runs with no
 * access but to open-data descriptors), 413 above 1 MB, 400 for unreadable bodies, 401 for an
 * invalid or expired token, 429 above 400 requests per minute per token (per address without one),
 * a 30-second execution deadline, and never a stack trace in a response (internal errors are
 * logged with an id that is returned).
 */
import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import type { GraphQLSchema } from "graphql";
import { randomUUID } from "node:crypto";
import type { AppServices } from "../http/context";
import { hitRateLimit } from "../security/rate-limit";
import { type ApiTokenContext, authenticateApiToken, bearerFromHeader } from "./auth";
import { executeDocument, GRAPHQL_TIMEOUT_MS, prepareDocument } from "./execute";
import { persistedQuery } from "./persisted/index";
import { errorEnvelope, type ApiErrorCode } from "./resolvers/errors";
import { buildGraphqlSchema } from "./resolvers/index";

export { GRAPHQL_TIMEOUT_MS };

export const GRAPHQL_MAX_BODY_BYTES = 1_000_000;
export const GRAPHQL_RATE_LIMIT_PER_MINUTE = 400;

/** Requests without a token (persisted queries only): no démarche, no write access. */
const ANONYMOUS: ApiTokenContext = { id: "anonymous", administrateurId: 0, allowedDemarcheIds: [], writeAccess: false };

export interface GraphqlHandlerOptions {
  timeoutMs?: number;
  rateLimitPerMinute?: number;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ApiErrorCode,
  ) {
    super(message);
  }
}

interface GraphqlParams {
  query: string | null;
  queryId: string | null;
  variables: Record<string, unknown>;
  operationName: string | null;
}

function send(res: Response, status: number, body: unknown) {
  res.status(status).set("Cache-Control", "no-store").type("application/json; charset=utf-8").send(JSON.stringify(body));
}

function fail(res: Response, status: number, message: string, code: ApiErrorCode) {
  send(res, status, errorEnvelope(message, code));
}

/** Reads the body up to `limit` bytes; "too_large" as soon as it is known to be bigger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too_large"> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too_large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | "too_large") => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish("too_large");
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = (error: Error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function asOptionalString(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new HttpFailure(400, `"${name}" must be a string`, "bad_request");
  return value;
}

/** `variables` may be an object or a JSON string of one (form bodies, some clients); blank means none. */
function parseVariables(value: unknown): Record<string, unknown> {
  let variables = value;
  if (typeof variables === "string") {
    if (variables.trim() === "") return {};
    try {
      variables = JSON.parse(variables);
    } catch {
      // The reference answers unreadable variables as it answers an unreadable query.
      throw new HttpFailure(400, '"variables" is not valid JSON', "graphql_parse_failed");
    }
  }
  if (variables === undefined || variables === null) return {};
  if (typeof variables === "object" && !Array.isArray(variables)) return variables as Record<string, unknown>;
  throw new HttpFailure(400, '"variables" must be an object', "bad_request");
}

function paramsFrom(record: Record<string, unknown>): GraphqlParams {
  return {
    query: asOptionalString(record.query, "query"),
    queryId: asOptionalString(record.queryId, "queryId"),
    variables: parseVariables(record.variables),
    operationName: asOptionalString(record.operationName, "operationName") || null,
  };
}

function parseBody(contentType: string | undefined, body: Buffer): GraphqlParams {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const text = body.toString("utf8");
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(text);
    const record: Record<string, unknown> = {};
    for (const key of ["query", "queryId", "variables", "operationName"]) {
      const value = form.get(key);
      if (value !== null) record[key] = value;
    }
    return paramsFrom(record);
  }
  if (type === "application/graphql") return { query: text, queryId: null, variables: {}, operationName: null };
  if (type === "" || type === "application/json" || type.endsWith("+json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpFailure(400, "The request body is not valid JSON", "bad_request");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new HttpFailure(400, "The request body must be a JSON object", "bad_request");
    }
    return paramsFrom(parsed as Record<string, unknown>);
  }
  throw new HttpFailure(415, `Unsupported content type "${type}": send application/json`, "bad_request");
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export function createGraphqlHandler(services: AppServices, options: GraphqlHandlerOptions = {}): RequestHandler {
  const { db, logger } = services;
  const schema: GraphQLSchema = buildGraphqlSchema();
  const timeoutMs = options.timeoutMs ?? GRAPHQL_TIMEOUT_MS;
  const rateLimit = options.rateLimitPerMinute ?? GRAPHQL_RATE_LIMIT_PER_MINUTE;

  async function handle(req: Request, res: Response) {
    if (req.method !== "POST") {
      req.resume();
      res.set("Allow", "POST");
      return fail(res, 405, `${req.method} is not allowed: send the query with POST`, "method_not_allowed");
    }
    if (req.path !== "/" && req.path !== "") {
      req.resume();
      return fail(res, 404, "Not found", "not_found");
    }

    const bearer = bearerFromHeader(req.headers.authorization);

    const body = await readBody(req, GRAPHQL_MAX_BODY_BYTES);
    if (body === "too_large") {
      req.resume();
      res.set("Connection", "close");
      return fail(res, 413, `The request body is larger than ${GRAPHQL_MAX_BODY_BYTES} bytes`, "payload_too_large");
    }
    const params = parseBody(req.headers["content-type"], body);
    if (bearer === undefined && !params.queryId) {
      return fail(res, 403, "Without a token, only persisted queries are allowed", "forbidden");
    }

    let token: ApiTokenContext = ANONYMOUS;
    if (bearer !== undefined) {
      const auth =
        bearer === null
          ? ({ ok: false, reason: "invalid" } as const)
          : await authenticateApiToken(db, bearer, new Date(), clientIp(req));
      if (!auth.ok) {
        if (auth.reason === "forbidden_network") {
          // The reference's message and hint, word for word but for where the list is edited here.
          return fail(
            res,
            403,
            `Request issued from a forbidden network. Add ${auth.range} to your allowed adresses in your /admin/jetons`,
            "forbidden",
          );
        }
        return fail(res, 401, auth.reason === "expired" ? "Token expired" : "Invalid token", "unauthorized");
      }
      token = auth.token;
    }

    const rateKey = bearer === undefined ? `graphql:ip:${clientIp(req)}` : `graphql:token:${token.id}`;
    const limited = await hitRateLimit(db, { key: rateKey, limit: rateLimit, windowSeconds: 60 });
    if (!limited.allowed) {
      const resetAt = Math.ceil(Date.now() / 1000) + limited.retryAfterSeconds;
      res.set({
        "RateLimit-Limit": String(rateLimit),
        "RateLimit-Remaining": "0",
        "RateLimit-Reset": String(resetAt),
        "Retry-After": String(limited.retryAfterSeconds),
      });
      return fail(res, 429, "Too many requests: retry later", "too_many_requests");
    }

    // A persisted query's id wins over a query text, as in the reference.
    const query = params.queryId ? persistedQuery(params.queryId) : params.query;
    if (params.queryId && query === null) throw new HttpFailure(400, `No query with id "${params.queryId}"`, "bad_request");
    if (query === null || query.trim() === "") throw new HttpFailure(400, "No query string was present", "bad_request");

    const prepared = prepareDocument(schema, query);
    if (!prepared.ok) return send(res, 200, prepared.body);
    const { status, body: answer } = await executeDocument({
      services,
      schema,
      token,
      document: prepared.document,
      variables: params.variables,
      operationName: params.operationName,
      timeoutMs,
    });
    return send(res, status, answer);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpFailure) return fail(res, error.status, error.message, error.code);
      const exceptionId = randomUUID();
      logger.error({ err: error, exceptionId, ip: clientIp(req) }, "graphql transport error");
      send(res, 500, {
        errors: [{ message: "Internal server error", extensions: { code: "internal_server_error", exception_id: exceptionId } }],
        data: null,
      });
    });
  };
}
