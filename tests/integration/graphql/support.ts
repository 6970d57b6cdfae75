/**
 * Shared by the GraphQL API tests over HTTP: the GraphQL mount alone on a loopback port with a fresh
 * test database, API tokens, and a client that posts a query with a bearer token.
 */
import type { Server } from "node:http";
import express from "express";
import { expect } from "vitest";
import type { Db } from "../../../server/db/client";
import { executeDocument, prepareDocument, sharedGraphqlSchema } from "../../../server/graphql/execute";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { createTestDatabase, type TestDatabase } from "../../support/database";

export interface GraphqlServer {
  database: TestDatabase;
  baseUrl: string;
  stop(): Promise<void>;
}

/** The GraphQL API (`/api/v2/graphql`) on a free loopback port, over a new test database. */
export async function startGraphqlServer(): Promise<GraphqlServer> {
  const database = await createTestDatabase();
  const app = express();
  const mount = createGraphqlMount({
    config: database.config,
    db: database.db,
    logger: logger.child({}, { level: "silent" }),
  });
  app.use(mount.path, mount.handler);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  return {
    database,
    baseUrl: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** A new API token of the administrateur, as its bearer string. */
export async function apiBearer(
  db: Db,
  administrateurEmail: string,
  options: { name: string; readOnly: boolean; demarcheNumbers?: number[] },
): Promise<string> {
  const token = await createApiToken(db, { administrateurEmail, ...options });
  if (!token.ok) throw new Error("createApiToken");
  return token.bearer;
}

export interface Answer {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Posts a query with a bearer token; the HTTP status must be 200 (GraphQL errors are in the answer). */
export async function postGraphql(
  baseUrl: string,
  bearer: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

/**
 * Runs a query through the API's executor (no HTTP) as a token of the administrateur on all their
 * démarches; the answer must have no error.
 */
export async function executeAsAdministrateur(
  database: TestDatabase,
  administrateurId: number,
  query: string,
  variables: Record<string, unknown>,
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions.
): Promise<any> {
  const schema = sharedGraphqlSchema();
  const prepared = prepareDocument(schema, query);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.body));
  const { status, body } = await executeDocument({
    services: { db: database.db, config: database.config, logger: logger.child({}, { level: "silent" }) },
    schema,
    token: { id: "test", administrateurId, allowedDemarcheIds: null, writeAccess: false },
    document: prepared.document,
    variables,
    operationName: null,
  });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
}
