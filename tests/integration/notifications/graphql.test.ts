/** `Demarche.labels`, `Dossier.labels` and `Label` in the API, with the reference's colour names. */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { changeDossierLabels } from "../../../server/operations/dossiers/change-dossier-labels";
import { createLabel } from "../../../server/operations/labels/create-label";
import { labelsOfDemarche } from "../../../server/queries/instructeur/labels";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let demarcheId: number;
let dossierId: number;

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
  const admin = "admin-labels-api@exemple.fr";
  const built = await buildDemarche(db, { administrateurEmail: admin });
  demarcheId = built.demarche.id;
  await createLabel(db, built.administrateurId, demarcheId, { name: "Urgent", color: "pink-macaron" });
  await createLabel(db, built.administrateurId, demarcheId, { name: "Complet", color: "green-tilleul-verveine" });
  dossierId = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const [, complet] = await labelsOfDemarche(db, demarcheId);
  const instructeur = built.instructeurs[0] as { userId: number; instructeurId: number };
  await changeDossierLabels(db, instructeur, dossierId, { add: complet?.id as number });
  const token = await createApiToken(db, { administrateurEmail: admin, name: "Labels" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

describe("labels in the API", () => {
  it("lists the démarche's labels in order and the dossier's", async () => {
    const response = await fetch(`${baseUrl}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        query: `query($d: Int!, $n: Int!) {
          demarche(number: $d) { labels { id name color } dossiers { nodes { number labels { name color } } } }
          dossier(number: $n) { labels { name color } }
        }`,
        variables: { d: demarcheId, n: dossierId },
      }),
    });
    const body = (await response.json()) as {
      data: Record<string, { labels: unknown[]; dossiers?: { nodes: unknown[] } }>;
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.demarche?.labels).toMatchObject([
      { name: "Urgent", color: "pink_macaron" },
      { name: "Complet", color: "green_tilleul_verveine" },
    ]);
    expect(body.data.dossier?.labels).toEqual([{ name: "Complet", color: "green_tilleul_verveine" }]);
    expect(body.data.demarche?.dossiers?.nodes).toEqual([
      { number: dossierId, labels: [{ name: "Complet", color: "green_tilleul_verveine" }] },
    ]);
  });
});
