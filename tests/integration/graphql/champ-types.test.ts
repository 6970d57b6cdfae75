/**
 * GraphQL shapes of explication, formatted, linked drop-down and dossier_link fields: descriptors
 * with their options, values with their precise types, and a linked dossier served only when the
 * token may read it.
 */
import type { Server } from "node:http";
import { and, eq } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs } from "../../../server/db/schema";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { countQueries } from "./fixtures";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions.
type Json = any;

let database: TestDatabase;
let server: Server;
let baseUrl = "";
let bearer = "";
const fixtures = { demarche: 0, dossier: 0, hiddenLink: 0, linked: 0, target: 0, demarcheNumber: 0, path: "" };

async function gql(query: string, variables: Record<string, unknown>): Promise<Json> {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

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

  const email = "admin-types@exemple.fr";
  const target = await buildDemarche(db, { administrateurEmail: email, champs: [{ type: "text", libelle: "Objet" }] });
  const stranger = await buildDemarche(db, { champs: [{ type: "text", libelle: "Objet" }] });
  const visible = await buildDossier(db, { demarche: { id: target.demarche.id, path: target.path }, state: "en_construction" });
  const hidden = await buildDossier(db, { demarche: { id: stranger.demarche.id, path: stranger.path }, state: "accepte" });
  const built = await buildDemarche(db, {
    administrateurEmail: email,
    champs: [
      {
        type: "explication",
        libelle: "À lire",
        options: { collapsibleExplanationEnabled: true, collapsibleExplanationText: "Détails" },
      },
      {
        type: "formatted",
        libelle: "Code APE",
        options: { mode: "advanced", expressionReguliere: "^\\d{4}[A-Z]$", expressionReguliereExempleText: "6201Z" },
      },
      {
        type: "linked_drop_down_list",
        libelle: "Produit",
        mandatory: false,
        options: { options: [{ primary: "Fruits", secondaries: ["Pomme", "Poire"] }] },
      },
      { type: "dossier_link", libelle: "Dossier lié" },
    ],
  });
  const demarche = { id: built.demarche.id, path: built.path };
  const dossier = await buildDossier(db, {
    demarche,
    state: "en_construction",
    values: { "Code APE": "6201Z", Produit: "Fruits", "Dossier lié": `n° ${visible.dossierId}` },
  });
  const hiddenLink = await buildDossier(db, {
    demarche,
    state: "en_construction",
    values: { "Code APE": "6201Z", Produit: "Fruits", "Dossier lié": String(hidden.dossierId) },
  });
  // The secondary choice comes from the companion input, which the factory does not fill.
  const [linkedRow] = await db
    .select({ stableId: champs.stableId })
    .from(champs)
    .where(and(eq(champs.dossierId, dossier.dossierId), eq(champs.typeChamp, "linked_drop_down_list")));
  await db
    .update(champs)
    .set({ value: { primary: "Fruits", secondary: "Poire" } })
    .where(and(eq(champs.dossierId, dossier.dossierId), eq(champs.stableId, linkedRow?.stableId as number)));

  const token = await createApiToken(db, { administrateurEmail: email, name: "Types" });
  if (!token.ok) throw new Error("token");
  bearer = token.bearer;
  Object.assign(fixtures, {
    demarche: built.demarche.id,
    demarcheNumber: built.demarche.id,
    path: built.path,
    dossier: dossier.dossierId,
    hiddenLink: hiddenLink.dossierId,
    target: visible.dossierId,
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

describe("API shapes of the structure and choice types", () => {
  it("describes the fields with their options", async () => {
    const json = await gql(
      `query($n: Int!) { demarche(number: $n) { activeRevision { champDescriptors { __typename label type
        ... on ExplicationChampDescriptor { collapsibleExplanationEnabled collapsibleExplanationText }
        ... on LinkedDropDownListChampDescriptor { options } } } } }`,
      { n: fixtures.demarche },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data.demarche.activeRevision.champDescriptors).toEqual([
      {
        __typename: "ExplicationChampDescriptor",
        label: "À lire",
        type: "explication",
        collapsibleExplanationEnabled: true,
        collapsibleExplanationText: "Détails",
      },
      { __typename: "FormattedChampDescriptor", label: "Code APE", type: "formatted" },
      {
        __typename: "LinkedDropDownListChampDescriptor",
        label: "Produit",
        type: "linked_drop_down_list",
        options: ["--Fruits--", "Pomme", "Poire"],
      },
      { __typename: "DossierLinkChampDescriptor", label: "Dossier lié", type: "dossier_link" },
    ]);
  });

  it("serves the values with their precise types", async () => {
    const query = `query($n: Int!) { dossier(number: $n) { champs { __typename label stringValue
      ... on LinkedDropDownListChamp { primaryValue secondaryValue }
      ... on DossierLinkChamp { dossier { number state } } } } }`;
    const json = await gql(query, { n: fixtures.dossier });
    expect(json.errors).toBeUndefined();
    expect(json.data.dossier.champs).toEqual([
      // Without a fragment naming ExplicationChamp, the reference serves it as TextChamp.
      { __typename: "TextChamp", label: "À lire", stringValue: "" },
      { __typename: "TextChamp", label: "Code APE", stringValue: "6201Z" },
      {
        __typename: "LinkedDropDownListChamp",
        label: "Produit",
        stringValue: "Fruits / Poire",
        primaryValue: "Fruits",
        secondaryValue: "Poire",
      },
      {
        __typename: "DossierLinkChamp",
        label: "Dossier lié",
        stringValue: String(fixtures.target),
        dossier: { number: fixtures.target, state: "en_construction" },
      },
    ]);
    const precise = await gql(
      `query($n: Int!) { dossier(number: $n) { champs { __typename ... on ExplicationChamp { id } } } }`,
      {
        n: fixtures.dossier,
      },
    );
    expect(precise.data.dossier.champs[0].__typename).toBe("ExplicationChamp");
  });

  it("does not serve a linked dossier of a démarche the token cannot read", async () => {
    const json = await gql(
      `query($n: Int!) { dossier(number: $n) { champs { ... on DossierLinkChamp { stringValue dossier { number } } } } }`,
      { n: fixtures.hiddenLink },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data.dossier.champs.at(-1)).toEqual({ stringValue: expect.any(String), dossier: null });
  });

  it("reads the linked dossiers of a whole page in one query (no query per field)", async () => {
    const page = `query($n: Int!) { demarche(number: $n) { dossiers { nodes { number
      champs { ... on DossierLinkChamp { dossier { number } } } } } } }`;
    const run = () =>
      countQueries(database.pool as never, async () => {
        const json = await gql(page, { n: fixtures.demarcheNumber });
        expect(json.errors).toBeUndefined();
        return json.data.demarche.dossiers.nodes as Json[];
      });
    const before = await run();
    for (let i = 0; i < 3; i++) {
      await buildDossier(database.db, {
        demarche: { id: fixtures.demarche, path: fixtures.path },
        state: "en_construction",
        values: { "Code APE": "6201Z", Produit: "Fruits", "Dossier lié": String(fixtures.target) },
      });
    }
    const after = await run();
    expect(after.result).toHaveLength(before.result.length + 3);
    const linked = after.result.flatMap((node: Json) => node.champs.map((c: Json) => c.dossier?.number ?? null));
    expect(linked.filter((n: number | null) => n === fixtures.target)).toHaveLength(4);
    expect(after.queries.length).toBe(before.queries.length);
  });
});
