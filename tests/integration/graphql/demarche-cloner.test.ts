/**
 * `demarcheCloner` over HTTP: the token's own démarche and another administration's published
 * open-data démarche are cloned (through the same operation as the page); a read-only token, a
 * brouillon of someone else or an unknown number give a payload error and nothing is created.
 */
import type { Server } from "node:http";
import { eq, sql } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarcheAdministrateurs, demarches } from "../../../server/db/schema";
import { toGlobalId } from "../../../server/graphql/ids";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let own: { id: number; libelle: string };
let theirs: number;
let theirDraft: number;
let writeBearer: string;
let readOnlyBearer: string;
let administrateurId: number;

const ADMIN = "admin-cloner-api@exemple.fr";

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const app = express();
  const mount = createGraphqlMount({ config: database.config, db, logger: logger.child({}, { level: "silent" }) });
  app.use(mount.path, mount.handler);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const built = await buildDemarche(db, { administrateurEmail: ADMIN, libelle: "Aide au permis" });
  own = { id: built.demarche.id, libelle: built.demarche.libelle };
  administrateurId = built.administrateurId;
  theirs = (await buildDemarche(db, { administrateurEmail: "autre-cloner-api@exemple.fr" })).demarche.id;
  theirDraft = (await buildDemarche(db, { administrateurEmail: "autre-cloner-api@exemple.fr", published: false })).demarche.id;
  const bearer = async (readOnly: boolean) => {
    const token = await createApiToken(db, { administrateurEmail: ADMIN, name: "Cloner", readOnly });
    if (!token.ok) throw new Error("createApiToken");
    return token.bearer;
  };
  writeBearer = await bearer(false);
  readOnlyBearer = await bearer(true);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

interface Answer {
  data?: {
    demarcheCloner: {
      clientMutationId: string | null;
      demarche: Record<string, unknown> | null;
      errors: { message: string }[] | null;
    };
  };
  errors?: unknown[];
}

const CLONER = /* GraphQL */ `
  mutation demarcheCloner($input: DemarcheClonerInput!) {
    demarcheCloner(input: $input) {
      clientMutationId
      demarche { id number title state revision { champDescriptors { label } } }
      errors { message }
    }
  }
`;

async function cloner(input: Record<string, unknown>, bearer = writeBearer): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: CLONER, variables: { input } }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(demarches))[0]?.n;

describe("demarcheCloner", () => {
  it("clones the token's démarche by number with a title, as a brouillon of the token's administrateur", async () => {
    const answer = await cloner({ clientMutationId: "c1", demarche: { number: own.id }, title: "Aide au permis 2027" });
    expect(answer.errors).toBeUndefined();
    const payload = answer.data?.demarcheCloner;
    expect(payload?.errors).toBeNull();
    expect(payload?.clientMutationId).toBe("c1");
    expect(payload?.demarche).toMatchObject({ title: "Aide au permis 2027", state: "brouillon" });
    expect((payload?.demarche?.revision as { champDescriptors: unknown[] } | undefined)?.champDescriptors).toHaveLength(1);
    const number = payload?.demarche?.number as number;
    const admins = await database.db.select().from(demarcheAdministrateurs).where(eq(demarcheAdministrateurs.demarcheId, number));
    expect(admins.map((a) => a.administrateurId)).toContain(administrateurId);
  });

  it("clones by global id another administration's published démarche", async () => {
    const answer = await cloner({ demarche: { id: toGlobalId("Procedure", theirs) } });
    expect(answer.data?.demarcheCloner.errors).toBeNull();
    const number = answer.data?.demarcheCloner.demarche?.number as number;
    const admins = await database.db.select().from(demarcheAdministrateurs).where(eq(demarcheAdministrateurs.demarcheId, number));
    expect(admins.map((a) => a.administrateurId)).toEqual([administrateurId]);
  });

  it("refuses a read-only token, someone else's brouillon and an unknown number: nothing is created", async () => {
    const before = await count();
    expect((await cloner({ demarche: { number: own.id } }, readOnlyBearer)).data?.demarcheCloner).toMatchObject({
      demarche: null,
      errors: [{ message: "Le jeton utilisé est configuré seulement en lecture" }],
    });
    expect((await cloner({ demarche: { number: theirDraft } })).data?.demarcheCloner).toMatchObject({
      demarche: null,
      errors: [{ message: `La démarche ${theirDraft} n’existe pas` }],
    });
    expect((await cloner({ demarche: { number: 999_999 } })).data?.demarcheCloner.errors).toEqual([
      { message: "La démarche 999999 n’existe pas" },
    ]);
    expect((await cloner({ demarche: { number: own.id }, title: "x".repeat(201) })).data?.demarcheCloner.errors).toEqual([
      { message: "Le titre ne doit pas dépasser 200 caractères." },
    ]);
    expect(await count()).toBe(before);
  });
});
