/**
 * The one GraphQL executor, shared by the token API (`handler.ts`, POST /api/v2/graphql) and the
 * administrateur's console (`console/run-console-request.ts`, /graphql): parse with a token bound,
 * validate with the API's rules (graphql-ruby's codes, depth limit), execute with per-request
 * loaders and a deadline, and format errors so that no internal detail reaches the client (an
 * internal error is logged with an id that is returned). Who may read and write what is decided by
 * the `ApiTokenContext` given, exactly as for a token.
 */
import { randomUUID } from "node:crypto";
import {
  execute,
  GraphQLError,
  parse,
  validate,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from "graphql";
import type { AppServices } from "../http/context";
import { systemSenderAddress } from "../mail/system-sender";
import type { ApiTokenContext } from "./auth";
import { createLoaders } from "./loaders";
import type { GraphqlContext } from "./resolvers/context";
import { buildGraphqlSchema } from "./resolvers/index";
import { VALIDATION_RULES } from "./resolvers/validation";

export const GRAPHQL_TIMEOUT_MS = 30_000;
/** Bounds the work of the parser on hostile documents (the canonical reference query is ~6 000 tokens). */
const MAX_DOCUMENT_TOKENS = 50_000;

/** The JSON answer of a GraphQL request. */
export interface GraphqlBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

let shared: GraphQLSchema | null = null;

/** The executable schema, built once per process for the callers that do not build their own. */
export function sharedGraphqlSchema(): GraphQLSchema {
  shared ??= buildGraphqlSchema();
  return shared;
}

/** Type names used as fragment conditions in the document (see GraphqlContext.fragmentTypes). */
export function fragmentTypesOf(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    InlineFragment(node) {
      if (node.typeCondition) names.add(node.typeCondition.name.value);
    },
    FragmentDefinition(node) {
      names.add(node.typeCondition.name.value);
    },
  });
  return names;
}

/** A parsed and valid document, or the answer to give instead (status 200, `data: null`). */
export type PreparedDocument = { ok: true; document: DocumentNode } | { ok: false; body: GraphqlBody };

export function prepareDocument(schema: GraphQLSchema, query: string): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: MAX_DOCUMENT_TOKENS });
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    return { ok: false, body: { errors: [{ ...syntax.toJSON(), extensions: { code: "graphql_parse_failed" } }], data: null } };
  }
  const validationErrors = validate(schema, document, VALIDATION_RULES, { maxErrors: 50 });
  if (validationErrors.length > 0) return { ok: false, body: { errors: validationErrors.map((e) => e.toJSON()), data: null } };
  return { ok: true, document };
}

export interface ExecuteDocumentArgs {
  services: AppServices;
  schema: GraphQLSchema;
  token: ApiTokenContext;
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | null;
  timeoutMs?: number;
}

/** Runs a prepared document; status 500 only when an internal error left no data at all. */
export async function executeDocument(args: ExecuteDocumentArgs): Promise<{ status: number; body: GraphqlBody }> {
  const { services, schema, token, document } = args;
  const { db, logger } = services;
  const requestId = randomUUID();
  const context: GraphqlContext = {
    db,
    token,
    loaders: createLoaders(db, token),
    fragmentTypes: fragmentTypesOf(document),
    deadline: Date.now() + (args.timeoutMs ?? GRAPHQL_TIMEOUT_MS),
    fileLinks: services.config,
    systemSender: systemSenderAddress(services.config),
  };
  const result = (await execute({
    schema,
    document,
    variableValues: args.variables,
    operationName: args.operationName,
    contextValue: context,
  })) as ExecutionResult;

  let internal = false;
  const errors = result.errors?.map((error) => {
    const original = error.originalError;
    const isInternal = original !== undefined && !(original instanceof GraphQLError) && !error.extensions?.code;
    if (!isInternal) return error.toJSON();
    internal = true;
    const exceptionId = randomUUID();
    logger.error({ err: original, exceptionId, requestId, path: error.path }, "graphql resolver error");
    return {
      message: "Internal server error",
      ...(error.locations ? { locations: error.locations } : {}),
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: "internal_server_error", exception_id: exceptionId },
    } satisfies GraphQLFormattedError;
  });
  const data = result.data ?? null;
  return { status: internal && data === null ? 500 : 200, body: errors ? { errors, data } : { data } };
}
