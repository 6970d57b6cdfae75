/**
 * One run of the administrateur's GraphQL console (/graphql): the signed-in administrateur acts as
 * a token of theirs with write access and no démarche restriction would — same executor
 * (`../execute.ts`), same access checks (the démarches they administer), same rate limit — and a
 * mutation runs only
 * - after an explicit confirmation: the first request answers `confirm` with what would change and a
 *   digest of exactly that document, variables and operation; the second, carrying the digest,
 *   runs it (any edit in between asks again);
 * - or at once when every object it names belongs to one of their démarches en test (brouillon),
 *   the « API sandbox ».
 * A read runs at once. Invalid input (empty query, variables that are not a JSON object) is
 * refused by field with a code the page translates; nothing runs.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AppServices } from "../../http/context";
import { hitRateLimit } from "../../security/rate-limit";
import type { ApiTokenContext } from "../auth";
import { executeDocument, type GraphqlBody, prepareDocument, sharedGraphqlSchema } from "../execute";
import { allInSandbox, type MutationTarget, mutationTargets, selectedOperation } from "./mutation-targets";

export const CONSOLE_MAX_QUERY_CHARS = 100_000;
export const CONSOLE_MAX_VARIABLES_CHARS = 100_000;

export const consoleRequestSchema = z.object({
  query: z.string().max(CONSOLE_MAX_QUERY_CHARS, "query_too_long"),
  variables: z.string().max(CONSOLE_MAX_VARIABLES_CHARS, "variables_too_long"),
  operationName: z
    .string()
    .max(200, "operation_name_invalid")
    .regex(/^(?:[_A-Za-z][_0-9A-Za-z]*)?$/, "operation_name_invalid"),
  confirmation: z.string().max(100).nullable(),
});

export type ConsoleRequest = z.infer<typeof consoleRequestSchema>;

export type ConsoleRefusalCode =
  | "query_required"
  | "query_too_long"
  | "variables_invalid_json"
  | "variables_not_object"
  | "variables_too_long"
  | "operation_name_invalid";

export type ConsoleOutcome =
  | { kind: "invalid"; refusals: Array<{ field: "query" | "variables" | "operationName"; code: ConsoleRefusalCode }> }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "confirm"; digest: string; targets: MutationTarget[] }
  | { kind: "result"; status: number; body: GraphqlBody; mutation: boolean; sandbox: boolean };

/** What the confirmation binds: the exact texts that will run. */
export function consoleDigest(request: Pick<ConsoleRequest, "query" | "variables" | "operationName">): string {
  return createHash("sha256")
    .update(JSON.stringify([request.query, request.variables, request.operationName]))
    .digest("base64url");
}

/** The token the console acts with: the administrateur's own rights, as an unrestricted write token. */
export function consoleToken(administrateurId: number): ApiTokenContext {
  return { id: `console-${administrateurId}`, administrateurId, allowedDemarcheIds: null, writeAccess: true };
}

function parseVariables(text: string): Record<string, unknown> | "variables_invalid_json" | "variables_not_object" {
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "variables_invalid_json";
  }
  if (parsed === null) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) return "variables_not_object";
  return parsed as Record<string, unknown>;
}

export async function runConsoleRequest(
  services: AppServices,
  administrateurId: number,
  input: unknown,
): Promise<ConsoleOutcome> {
  const parsed = consoleRequestSchema.safeParse(input);
  if (!parsed.success) {
    return {
      kind: "invalid",
      refusals: parsed.error.issues.map((issue) => {
        const field = issue.path[0] === "variables" ? "variables" : issue.path[0] === "operationName" ? "operationName" : "query";
        const code = (
          ["query_too_long", "variables_too_long", "operation_name_invalid"].includes(issue.message)
            ? issue.message
            : field === "variables"
              ? "variables_invalid_json"
              : field === "operationName"
                ? "operation_name_invalid"
                : "query_required"
        ) as ConsoleRefusalCode;
        return { field, code };
      }),
    };
  }
  const request = parsed.data;
  const refusals: Array<{ field: "query" | "variables"; code: ConsoleRefusalCode }> = [];
  if (request.query.trim() === "") refusals.push({ field: "query", code: "query_required" });
  const variables = parseVariables(request.variables);
  if (typeof variables === "string") refusals.push({ field: "variables", code: variables });
  if (refusals.length > 0 || typeof variables === "string") return { kind: "invalid", refusals };

  const limited = await hitRateLimit(services.db, {
    key: `graphql:console:${administrateurId}`,
    limit: services.config.graphqlRateLimitPerMinute,
    windowSeconds: 60,
  });
  if (!limited.allowed) return { kind: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };

  const schema = sharedGraphqlSchema();
  const prepared = prepareDocument(schema, request.query);
  if (!prepared.ok) return { kind: "result", status: 200, body: prepared.body, mutation: false, sandbox: false };
  const operationName = request.operationName || null;
  const operation = selectedOperation(prepared.document, operationName);
  const mutation = operation?.operation === "mutation";
  let sandbox = false;
  if (operation && mutation) {
    const targets = await mutationTargets(services.db, administrateurId, schema, prepared.document, operation, variables);
    // Variables that do not coerce: execution refuses the request without running anything.
    if (targets !== null) {
      sandbox = allInSandbox(targets);
      const digest = consoleDigest(request);
      if (!sandbox && request.confirmation !== digest) return { kind: "confirm", digest, targets };
    }
  }
  const { status, body } = await executeDocument({
    services,
    schema,
    token: consoleToken(administrateurId),
    document: prepared.document,
    variables,
    operationName,
  });
  return { kind: "result", status, body, mutation, sandbox };
}
