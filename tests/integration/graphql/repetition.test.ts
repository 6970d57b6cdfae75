/**
 * `RepetitionChamp.rows` (and the deprecated `champs`): a block's rows in order, each with its
 * children's typed values and ids `Champ-<stable_id>|<row_id>`, read from a real dossier.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChampValues } from "../../../server/db/champ-values";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { rowIdsOf } from "../../../server/domain/form/tree";
import { toGlobalId } from "../../../server/graphql/ids";
import { champId } from "../../../server/domain/form/champ-id";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let dossierId: number;
let ids: Record<string, number>;
let rows: string[];

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
  const admin = "admin-repetition-api@exemple.fr";
  const built = await buildDemarche(db, {
    administrateurEmail: admin,
    champs: [
      { type: "text", libelle: "Nom de l’association" },
      {
        type: "repetition",
        libelle: "Membres",
        children: [
          { type: "text", libelle: "Nom" },
          { type: "integer_number", libelle: "Âge" },
        ],
      },
    ],
  });
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  ids = Object.fromEntries(fields.map((f) => [f.libelle, f.stableId]));
  dossierId = (
    await buildDossier(db, {
      demarche: { id: built.demarche.id, path: built.path },
      state: "en_construction",
      values: { Nom: "Alice", Âge: "34" },
    })
  ).dossierId;
  rows = rowIdsOf(await loadChampValues(db, dossierId), ids.Membres as number);
  const token = await createApiToken(db, { administrateurEmail: admin, name: "Blocs" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

describe("RepetitionChamp", () => {
  it("serves the rows of a block with their children's values", async () => {
    const response = await fetch(`${baseUrl}/api/v2/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($n: Int!) { dossier(number: $n) { champs {
          __typename id label
          ... on RepetitionChamp { rows { id champs { __typename id champDescriptorId label stringValue ... on IntegerNumberChamp { value } } } champs { id } }
        } } }`,
        variables: { n: dossierId },
      }),
    });
    const body = (await response.json()) as { data: { dossier: { champs: Array<Record<string, unknown>> } } };
    const block = body.data.dossier.champs.find((c) => c.label === "Membres") as {
      __typename: string;
      id: string;
      rows: Array<{ id: string; champs: Array<Record<string, unknown>> }>;
      champs: Array<{ id: string }>;
    };
    expect(rows).toHaveLength(1);
    const rowId = rows[0] as string;
    expect(block.__typename).toBe("RepetitionChamp");
    expect(block.id).toBe(champId(ids.Membres as number));
    expect(block.rows).toEqual([
      {
        id: toGlobalId("Row", rowId),
        champs: [
          {
            __typename: "TextChamp",
            id: champId(ids.Nom as number, rowId),
            champDescriptorId: champId(ids.Nom as number),
            label: "Nom",
            stringValue: "Alice",
          },
          {
            __typename: "IntegerNumberChamp",
            id: champId(ids.Âge as number, rowId),
            champDescriptorId: champId(ids.Âge as number),
            label: "Âge",
            stringValue: "34",
            value: "34",
          },
        ],
      },
    ]);
    expect(block.champs.map((c) => c.id)).toEqual(block.rows[0]?.champs.map((c) => c.id));
  });
});
