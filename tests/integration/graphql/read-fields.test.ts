/**
 * Read fields of the reference: `Demarche.administrateurs`, `Dossier.prefilled`,
 * `Traitement.revision`; another administrateur's token reads none of them.
 */
import type { Server } from "node:http";
import { eq } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, traitements } from "../../../server/db/schema";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let strangerBearer: string;
let demarcheId: number;
let dossierId: number;
let revisionId: number;

const QUERY = /* GraphQL */ `
  query fields($demarche: Int!, $dossier: Int!) {
    demarche(number: $demarche) { administrateurs { email } }
    dossier(number: $dossier) { prefilled traitements { state revision { id } } }
  }
`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const services = { config: database.config, db, logger: logger.child({}, { level: "silent" }) };
  const app = express();
  const mount = createGraphqlMount(services);
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const { demarche, instructeurs } = await buildDemarche(db, {
    administrateurEmail: "admin-fields@exemple.fr",
    instructeurEmails: ["agent-fields@exemple.fr"],
  });
  demarcheId = demarche.id;
  dossierId = (await buildDossier(db, { demarche, state: "accepte", instructeur: instructeurs[0] as never })).dossierId;
  await db.update(dossiers).set({ prefilled: true }).where(eq(dossiers.id, dossierId));
  const [row] = await db.select({ revisionId: dossiers.revisionId }).from(dossiers).where(eq(dossiers.id, dossierId));
  revisionId = row?.revisionId as number;
  await db.update(traitements).set({ revisionId }).where(eq(traitements.dossierId, dossierId));
  const token = await createApiToken(db, { administrateurEmail: "admin-fields@exemple.fr", name: "F", readOnly: true });
  await buildDemarche(db, { administrateurEmail: "autre-fields@exemple.fr" });
  const stranger = await createApiToken(db, { administrateurEmail: "autre-fields@exemple.fr", name: "A" });
  if (!token.ok || !stranger.ok) throw new Error("createApiToken");
  bearer = token.bearer;
  strangerBearer = stranger.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(token: string) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { demarche: demarcheId, dossier: dossierId } }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is what the tests check.
  return (await response.json()) as { data: any; errors?: Array<{ extensions: { code: string } }> };
}

describe("remaining read fields", () => {
  it("answers the administrateurs, prefilled and each traitement's revision", async () => {
    const { data, errors } = await gql(bearer);
    expect(errors).toBeUndefined();
    expect(data.demarche.administrateurs).toEqual([{ email: "admin-fields@exemple.fr" }]);
    expect(data.dossier.prefilled).toBe(true);
    expect(data.dossier.traitements.length).toBeGreaterThan(0);
    for (const traitement of data.dossier.traitements) expect(traitement.revision).toEqual({ id: expect.any(String) });
  });

  it("shows none of them to another administrateur's token", async () => {
    const { data, errors } = await gql(strangerBearer);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions.code).toBe("unauthorized");
  });
});
