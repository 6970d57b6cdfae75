/**
 * The GraphQL API v2 over real HTTP against a real database: a script written for the reference
 * platform runs unchanged; authorisation, transport errors, pagination, rate limit, and a constant
 * number of SQL queries whatever the page size.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import express from "express";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../server/cli/commands";
import { UsageError } from "../../../server/cli/args";
import { apiTokens, dossiers, revisions } from "../../../server/db/schema";
import { decodeApiTokenBearer, hashApiTokenSecret } from "../../../server/graphql/auth";
import { createGraphqlHandler } from "../../../server/graphql/handler";
import { toGlobalId } from "../../../server/graphql/ids";
import { champId } from "../../../server/domain/form/champ-id";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { VALIDATION_RULES } from "../../../server/graphql/resolvers/validation";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier, buildUser, type ChampSpec } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { cloneDossier, countQueries } from "./fixtures";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const referenceSdlPath = path.resolve(repoRoot, "../shared/reference/ds-schema.graphql");

/** A script as an API client of the reference platform writes it (field names checked against its SDL). */
const GET_DEMARCHE = /* GraphQL */ `
  query getDemarche($demarcheNumber: Int!, $first: Int, $after: String) {
    demarche(number: $demarcheNumber) {
      id
      number
      title
      state
      dateCreation
      publishedRevision {
        id
        champDescriptors {
          id
          label
          type
          required
        }
      }
      dossiers(first: $first, after: $after, state: accepte) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          number
          state
          dateDepot
          dateTraitement
          motivation
          usager {
            email
          }
          demandeur {
            ... on PersonnePhysique {
              civilite
              nom
              prenom
            }
          }
          champs {
            id
            label
            stringValue
            ... on DateChamp {
              date
            }
            ... on IntegerNumberChamp {
              value
            }
            ... on YesNoChamp {
              value
            }
          }
          traitements {
            state
            dateTraitement
            motivation
            emailAgentTraitant
          }
        }
      }
    }
  }
`;

const CHAMPS: ChampSpec[] = [
  { type: "header_section", libelle: "Votre projet" },
  { type: "text", libelle: "Nom du projet" },
  { type: "integer_number", libelle: "Montant demandé" },
  { type: "date", libelle: "Date de début" },
  { type: "yes_no", libelle: "Première demande" },
  { type: "drop_down_list", libelle: "Catégorie", options: { options: ["Culture", "Sport"], other: false } },
  { type: "textarea", libelle: "Description", mandatory: false },
];

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked by assertions, not types.
type Json = Record<string, any>;

let database: TestDatabase;
let server: Server;
let baseUrl: string;

const admin = { a: "admin-a@exemple.fr", b: "admin-b@exemple.fr" };
const fixtures = {} as {
  d1: { id: number; path: string | null; publishedRevisionId: number | null };
  d2: { id: number };
  d3: { id: number };
  d4: { id: number };
  instructeurEmail: string;
  source: number;
  brouillon: number;
  enConstruction: number;
  forTest: number;
  otherAdminDossier: number;
  d4Source: number;
  tokens: { all: string; d2Only: string; adminB: string; expired: string; rate: string; expiredId: string; allId: string };
};

async function post(body: unknown, options: { token?: string | null; contentType?: string; url?: string } = {}) {
  const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json" };
  const token = options.token === undefined ? fixtures.tokens.all : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(options.url ?? `${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, json, headers: response.headers };
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string | null) {
  return post({ query, variables }, { token });
}

function token(result: Awaited<ReturnType<typeof createApiToken>>): { bearer: string; id: string } {
  if (!result.ok) throw new Error(`createApiToken: ${JSON.stringify(result.refusals)}`);
  return { bearer: result.bearer, id: result.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const services = { config: database.config, db, logger: logger.child({}, { level: "silent" }) };
  const app = express();
  const mount = createGraphqlMount(services);
  app.use(mount.path, mount.handler);
  app.use("/limited/graphql", createGraphqlHandler(services, { rateLimitPerMinute: 2 }));
  app.use("/slow/graphql", createGraphqlHandler(services, { timeoutMs: -1 }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  const instructeurEmail = "instructeur-api@exemple.fr";
  const built1 = await buildDemarche(db, { administrateurEmail: admin.a, champs: CHAMPS, instructeurEmails: [instructeurEmail] });
  const built2 = await buildDemarche(db, { administrateurEmail: admin.a, champs: [{ type: "text", libelle: "Objet" }] });
  const built3 = await buildDemarche(db, { administrateurEmail: admin.b, champs: [{ type: "text", libelle: "Objet" }] });
  const built4 = await buildDemarche(db, { administrateurEmail: admin.a, champs: CHAMPS });
  const usager = await buildUser(db, [], "usager-api@exemple.fr");
  const d1 = { id: built1.demarche.id, path: built1.path };
  const values = {
    "Nom du projet": "Salle des fêtes",
    "Montant demandé": "12000",
    "Date de début": "2026-05-01",
    "Première demande": "true",
    Catégorie: "Sport",
    Description: "",
  };
  const identity = { civilite: "M." as const, nom: "Martin", prenom: "Louis" };
  const source = await buildDossier(db, {
    demarche: d1,
    usager,
    state: "accepte",
    values,
    identity,
    motivation: "Dossier complet.",
  });
  const brouillon = await buildDossier(db, { demarche: d1, usager, state: "brouillon" });
  const enConstruction = await buildDossier(db, { demarche: d1, usager, state: "en_construction" });
  await buildDossier(db, { demarche: d1, usager, state: "refuse" });
  await buildDossier(db, { demarche: { id: built2.demarche.id, path: built2.path }, usager, state: "accepte" });
  const other = await buildDossier(db, { demarche: { id: built3.demarche.id, path: built3.path }, usager, state: "accepte" });
  const d4Source = await buildDossier(db, {
    demarche: { id: built4.demarche.id, path: built4.path },
    usager,
    state: "accepte",
    values,
  });
  await cloneDossier(db, source.dossierId, 249);
  const [forTest] = await cloneDossier(db, source.dossierId, 1);
  await db
    .update(dossiers)
    .set({ forTest: true })
    .where(eq(dossiers.id, forTest as number));
  await cloneDossier(db, d4Source.dossierId, 9);

  const all = token(await createApiToken(db, { administrateurEmail: admin.a, name: "Synchronisation" }));
  const d2Only = token(
    await createApiToken(db, { administrateurEmail: admin.a, name: "D2", demarcheNumbers: [built2.demarche.id] }),
  );
  const adminB = token(await createApiToken(db, { administrateurEmail: admin.b, name: "B" }));
  const expired = token(
    await createApiToken(db, { administrateurEmail: admin.a, name: "Ancien", expiresAt: new Date(Date.now() + 86_400_000) }),
  );
  await db
    .update(apiTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(apiTokens.id, expired.id));
  const rate = token(await createApiToken(db, { administrateurEmail: admin.a, name: "Rate" }));

  Object.assign(fixtures, {
    d1: { ...d1, publishedRevisionId: built1.demarche.publishedRevisionId },
    d2: { id: built2.demarche.id },
    d3: { id: built3.demarche.id },
    d4: { id: built4.demarche.id },
    instructeurEmail,
    source: source.dossierId,
    brouillon: brouillon.dossierId,
    enConstruction: enConstruction.dossierId,
    forTest,
    otherAdminDossier: other.dossierId,
    d4Source: d4Source.dossierId,
    tokens: {
      all: all.bearer,
      allId: all.id,
      d2Only: d2Only.bearer,
      adminB: adminB.bearer,
      expired: expired.bearer,
      expiredId: expired.id,
      rate: rate.bearer,
    },
  });
}, 300_000);

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
});

describe("a script written for the reference API", () => {
  it("is valid against the reference SDL too (when present)", () => {
    if (!existsSync(referenceSdlPath)) {
      console.warn(`[graphql] reference SDL not found at ${referenceSdlPath}: cross-check skipped`);
      return;
    }
    const reference = buildSchema(readFileSync(referenceSdlPath, "utf8"));
    expect(validate(reference, parse(GET_DEMARCHE), VALIDATION_RULES).map((e) => e.message)).toEqual([]);
  });

  it("runs unchanged and pages through 250 accepted dossiers, 100 at a time", async () => {
    const pages: Json[] = [];
    let after: string | null = null;
    do {
      const { status, json } = await gql(GET_DEMARCHE, { demarcheNumber: fixtures.d1.id, first: 100, after });
      expect(status).toBe(200);
      expect(json.errors).toBeUndefined();
      const connection = json.data.demarche.dossiers;
      pages.push(connection);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after && pages.length < 10);

    expect(pages.map((p) => p.nodes.length)).toEqual([100, 100, 50]);
    const nodes = pages.flatMap((p) => p.nodes);
    const numbers = nodes.map((n: Json) => n.number);
    expect(new Set(numbers).size).toBe(250);
    expect(numbers).toContain(fixtures.source);
    for (const hidden of [fixtures.brouillon, fixtures.enConstruction, fixtures.forTest]) expect(numbers).not.toContain(hidden);
    expect(nodes.every((n: Json) => n.state === "accepte")).toBe(true);
    // Ordered by deposit date, then id.
    const deposits = nodes.map((n: Json) => new Date(n.dateDepot).getTime());
    expect([...deposits].sort((x, y) => x - y)).toEqual(deposits);
  });

  it("returns the démarche, its form and each dossier's values as the reference shapes them", async () => {
    const { json } = await gql(GET_DEMARCHE, { demarcheNumber: fixtures.d1.id, first: 1 });
    const demarche = json.data.demarche;
    expect(demarche.id).toBe(toGlobalId("Procedure", fixtures.d1.id));
    expect(demarche).toMatchObject({ number: fixtures.d1.id, state: "publiee" });
    expect(demarche.dateCreation).toMatch(ISO_DATE_TIME);
    expect(demarche.publishedRevision.id).toBe(toGlobalId("ProcedureRevision", fixtures.d1.publishedRevisionId as number));
    expect(demarche.publishedRevision.champDescriptors.map((d: Json) => [d.label, d.type, d.required])).toEqual([
      ["Votre projet", "header_section", false],
      ["Nom du projet", "text", true],
      ["Montant demandé", "integer_number", true],
      ["Date de début", "date", true],
      ["Première demande", "yes_no", true],
      ["Catégorie", "drop_down_list", true],
      ["Description", "textarea", false],
    ]);

    const dossier = demarche.dossiers.nodes[0];
    expect(dossier).toMatchObject({
      id: toGlobalId("Dossier", fixtures.source),
      number: fixtures.source,
      state: "accepte",
      motivation: "Dossier complet.",
      usager: { email: "usager-api@exemple.fr" },
      demandeur: { civilite: "M", nom: "Martin", prenom: "Louis" },
    });
    expect(dossier.dateDepot).toMatch(ISO_DATE_TIME);
    expect(dossier.dateTraitement).toMatch(ISO_DATE_TIME);
    const champs = Object.fromEntries(dossier.champs.map((c: Json) => [c.label, c]));
    expect(Object.keys(champs)).toEqual(CHAMPS.map((c) => c.libelle));
    expect(champs["Votre projet"]).toEqual({ id: expect.any(String), label: "Votre projet", stringValue: "" });
    expect(champs["Nom du projet"]).toMatchObject({ stringValue: "Salle des fêtes" });
    expect(champs["Montant demandé"]).toMatchObject({ stringValue: "12000", value: "12000" });
    expect(champs["Date de début"]).toMatchObject({ stringValue: "01 mai 2026", date: "2026-05-01" });
    expect(champs["Première demande"]).toMatchObject({ stringValue: "true", value: true });
    expect(champs.Catégorie).toMatchObject({ stringValue: "Sport" });
    expect(champs.Description).toMatchObject({ stringValue: "" });
    const descriptorIds = demarche.publishedRevision.champDescriptors.map((d: Json) => d.id);
    expect(dossier.champs.map((c: Json) => c.id)).toEqual(descriptorIds);
    expect(Buffer.from(descriptorIds[1], "base64").toString()).toMatch(/^Champ-\d+$/);

    expect(dossier.traitements.map((t: Json) => t.state)).toEqual(["en_construction", "en_instruction", "accepte"]);
    expect(dossier.traitements.at(-1)).toMatchObject({
      motivation: "Dossier complet.",
      emailAgentTraitant: fixtures.instructeurEmail,
    });
    expect(dossier.traitements[0].emailAgentTraitant).toBeNull();
  });

  it("serves champs with their precise type only when the query names it (as the reference does)", async () => {
    const query = `query($n: Int!) { dossier(number: $n) { champs { __typename label
      ... on CheckboxChamp { checked: value } ... on TextChamp { text: value } } } }`;
    const { json } = await gql(query, { n: fixtures.source });
    const types = Object.fromEntries(json.data.dossier.champs.map((c: Json) => [c.label, c]));
    expect(types["Première demande"]).toEqual({ __typename: "CheckboxChamp", label: "Première demande", checked: true });
    expect(types.Catégorie).toEqual({ __typename: "TextChamp", label: "Catégorie", text: "Sport" });
    expect(types["Votre projet"]).toEqual({ __typename: "TextChamp", label: "Votre projet", text: null });

    const precise = `query($n: Int!) { dossier(number: $n) { champs { __typename
      ... on YesNoChamp { yes: value } ... on DropDownListChamp { choice: value } ... on HeaderSectionChamp { level } } } }`;
    const typed = (await gql(precise, { n: fixtures.source })).json.data.dossier.champs.map((c: Json) => c.__typename);
    expect(typed).toEqual([
      "HeaderSectionChamp",
      "TextChamp",
      "IntegerNumberChamp",
      "DateChamp",
      "YesNoChamp",
      "DropDownListChamp",
      "TextChamp",
    ]);
  });

  it("reads one champ by id, and one dossier by number", async () => {
    const { json: descriptors } = await gql(
      `query($n: Int!) { demarche(number: $n) { activeRevision { champDescriptors { id label
      ... on DropDownListChampDescriptor { options otherOption } } } } }`,
      { n: fixtures.d1.id },
    );
    const list = descriptors.data.demarche.activeRevision.champDescriptors;
    expect(list.find((d: Json) => d.label === "Catégorie")).toMatchObject({ options: ["Culture", "Sport"], otherOption: false });
    const montant = list.find((d: Json) => d.label === "Montant demandé").id;
    const { json } = await gql(`query($n: Int!, $id: ID) { dossier(number: $n) { champs(id: $id) { id stringValue } } }`, {
      n: fixtures.source,
      id: montant,
    });
    expect(json.data.dossier.champs).toEqual([{ id: montant, stringValue: "12000" }]);
    const none = await gql(`query($n: Int!) { dossier(number: $n) { champs(id: "${champId(999999)}") { id } } }`, {
      n: fixtures.source,
    });
    expect(none.json.data.dossier.champs).toEqual([]);
  });
});

describe("authorisation", () => {
  const DEMARCHE = "query($n: Int!) { demarche(number: $n) { number title } }";
  const DOSSIER = "query($n: Int!) { dossier(number: $n) { number state } }";

  it("a token restricted to another démarche gets unauthorized", async () => {
    const { status, json } = await gql(DEMARCHE, { n: fixtures.d1.id }, fixtures.tokens.d2Only);
    expect(status).toBe(200);
    expect(json).toEqual({
      errors: [
        expect.objectContaining({
          message: "An object of type Demarche was hidden due to permissions",
          extensions: { code: "unauthorized" },
        }),
      ],
      data: null,
    });
    const allowed = await gql(DEMARCHE, { n: fixtures.d2.id }, fixtures.tokens.d2Only);
    expect(allowed.json.data.demarche.number).toBe(fixtures.d2.id);
    const dossier = await gql(DOSSIER, { n: fixtures.source }, fixtures.tokens.d2Only);
    expect(dossier.json.errors[0].extensions.code).toBe("unauthorized");
  });

  it("another administrateur's token sees neither the démarche nor its dossiers", async () => {
    expect((await gql(DEMARCHE, { n: fixtures.d1.id }, fixtures.tokens.adminB)).json.errors[0].extensions.code).toBe(
      "unauthorized",
    );
    const { json } = await gql(DOSSIER, { n: fixtures.otherAdminDossier });
    expect(json.errors[0]).toMatchObject({
      message: "An object of type Dossier was hidden due to permissions",
      extensions: { code: "unauthorized" },
    });
    expect(json.data).toBeNull();
  });

  it("an unknown démarche or dossier is not_found", async () => {
    const { json } = await gql(DEMARCHE, { n: 987654 });
    expect(json.errors[0]).toMatchObject({ message: "Demarche not found", extensions: { code: "not_found" } });
    expect(json.data).toBeNull();
    expect((await gql(DOSSIER, { n: 987654 })).json.errors[0].message).toBe("Dossier not found");
  });

  it("brouillons and test dossiers do not exist for the API", async () => {
    for (const n of [fixtures.brouillon, fixtures.forTest]) {
      const { json } = await gql(DOSSIER, { n });
      expect(json.errors[0]).toMatchObject({ message: "Dossier not found", extensions: { code: "not_found" } });
    }
    expect((await gql(DOSSIER, { n: fixtures.enConstruction })).json.data.dossier.state).toBe("en_construction");
  });

  it("without a token: 403, only persisted queries are allowed", async () => {
    const { status, json } = await gql(DEMARCHE, { n: fixtures.d1.id }, null);
    expect(status).toBe(403);
    expect(json).toEqual({
      errors: [{ message: "Without a token, only persisted queries are allowed", extensions: { code: "forbidden" } }],
      data: null,
    });
  });

  it("a bad, forged or expired token: 401 unauthorized", async () => {
    const forged = Buffer.from(`${fixtures.tokens.allId};${"x".repeat(43)}`).toString("base64url");
    for (const bad of ["garbage", forged, `${fixtures.tokens.all}x`]) {
      const { status, json } = await gql(DEMARCHE, { n: fixtures.d1.id }, bad);
      expect(status).toBe(401);
      expect(json.errors[0].extensions.code).toBe("unauthorized");
      expect(json.data).toBeNull();
    }
    const expired = await gql(DEMARCHE, { n: fixtures.d1.id }, fixtures.tokens.expired);
    expect(expired.status).toBe(401);
    expect(expired.json.errors[0]).toEqual({ message: "Token expired", extensions: { code: "unauthorized" } });
  });

  it("stores only a hash of the secret and records the last use", async () => {
    const decoded = decodeApiTokenBearer(fixtures.tokens.all);
    expect(decoded?.id).toBe(fixtures.tokens.allId);
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, fixtures.tokens.allId));
    expect(row?.secretHash).toBe(hashApiTokenSecret(decoded?.secret as string));
    expect(row?.secretHash).not.toContain(decoded?.secret as string);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    const [expired] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, fixtures.tokens.expiredId));
    expect(expired?.lastUsedAt).toBeNull();
  });

  it("createApiToken refuses unknown administrateurs and démarches of someone else", async () => {
    const db = database.db;
    expect(await createApiToken(db, { administrateurEmail: "nobody@exemple.fr", name: "x" })).toEqual({
      ok: false,
      refusals: [{ code: "administrateur_not_found", field: "administrateurEmail" }],
    });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(apiTokens);
    expect(
      await createApiToken(db, { administrateurEmail: admin.a, name: "x", demarcheNumbers: [fixtures.d1.id, fixtures.d3.id] }),
    ).toEqual({ ok: false, refusals: [{ code: "demarche_not_found", field: "demarcheNumbers" }] });
    expect(await createApiToken(db, { administrateurEmail: admin.a, name: "x", expiresAt: new Date(Date.now() - 1) })).toEqual({
      ok: false,
      refusals: [{ code: "expires_at_past", field: "expiresAt" }],
    });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(apiTokens)).toEqual(before);
  });

  it("the CLI command refuses malformed arguments before touching the database", async () => {
    const command = COMMANDS["api-tokens:create"];
    await expect(command.run([], database.config)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(["--admin", admin.a, "--demarche", "abc"], database.config)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(["--admin", admin.a, "--bogus"], database.config)).rejects.toBeInstanceOf(UsageError);
  });
});

describe("transport", () => {
  const QUERY = "query($n: Int!) { demarche(number: $n) { number } }";

  it("accepts variables as a JSON string, and urlencoded form bodies", async () => {
    const asString = await post({ query: QUERY, variables: JSON.stringify({ n: fixtures.d1.id }), operationName: null });
    expect(asString.json.data.demarche.number).toBe(fixtures.d1.id);
    const form = new URLSearchParams({ query: QUERY, variables: JSON.stringify({ n: fixtures.d1.id }) }).toString();
    const asForm = await post(form, { contentType: "application/x-www-form-urlencoded" });
    expect(asForm.json.data.demarche.number).toBe(fixtures.d1.id);
  });

  it("GET is 405, bad JSON 400, a body over 1 MB 413 — always the JSON envelope, never a stack", async () => {
    const get = await fetch(`${baseUrl}/api/v2/graphql?query=%7B__typename%7D`, {
      headers: { authorization: `Bearer ${fixtures.tokens.all}` },
    });
    expect(get.status).toBe(405);
    expect((await get.json()) as Json).toMatchObject({ errors: [{ extensions: { code: "method_not_allowed" } }], data: null });

    const bad = await post("{not json");
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: "bad_request" } }], data: null });
    expect(JSON.stringify(bad.json)).not.toMatch(/at .*\.(ts|js):\d+/);

    const badVariables = await post({ query: QUERY, variables: "{oops" });
    expect(badVariables.status).toBe(400);
    expect(badVariables.json).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: "graphql_parse_failed" } }],
      data: null,
    });
    const notAnObject = await post({ query: QUERY, variables: "[1]" });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.json.errors[0].extensions.code).toBe("bad_request");

    const huge = await post({ query: QUERY, variables: { n: 1, padding: "x".repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.json.errors[0].extensions.code).toBe("payload_too_large");
  });

  it("reports GraphQL syntax and validation errors in the envelope", async () => {
    const syntax = await post({ query: "query { demarche(number: 1) {" });
    expect(syntax.status).toBe(200);
    expect(syntax.json.errors[0].extensions.code).toBe("graphql_parse_failed");
    const unknown = await post({ query: "{ demarche(number: 1) { nope } }" });
    expect(unknown.json.errors[0].message).toMatch(/Cannot query field "nope"/);
    expect(unknown.json.errors[0].extensions.code).toBe("undefinedField");
    expect(unknown.json.data).toBeNull();
    const missing = await post({ query: "{ demarche { id } }" });
    expect(missing.json.errors[0].extensions.code).toBe("missingRequiredArguments");
  });

  it("refuses queries deeper than 15", async () => {
    let selection = "id";
    for (let i = 0; i < 14; i++) selection = `champDescriptors { ${selection} }`;
    const { json } = await gql(`query($n: Int!) { demarche(number: $n) { publishedRevision { ${selection} } } }`, {
      n: fixtures.d1.id,
    });
    expect(json.errors[0].message).toBe("Query has depth of 17, which exceeds max depth of 15");
    let hundred = "id";
    for (let i = 0; i < 97; i++) hundred = `champDescriptors { ${hundred} }`;
    const deep = await post({ query: `{ demarche(number: 1) { publishedRevision { ${hundred} } } }` });
    expect(deep.status).toBe(200);
    expect(deep.json).toEqual({
      errors: [expect.objectContaining({ message: "Query has depth of 100, which exceeds max depth of 15" })],
      data: null,
    });
  });

  it("limits each token to its requests per minute, with RateLimit-Reset", async () => {
    const url = `${baseUrl}/limited/graphql`;
    const body = { query: QUERY, variables: { n: fixtures.d1.id } };
    expect((await post(body, { url, token: fixtures.tokens.rate })).status).toBe(200);
    expect((await post(body, { url, token: fixtures.tokens.rate })).status).toBe(200);
    const limited = await post(body, { url, token: fixtures.tokens.rate });
    expect(limited.status).toBe(429);
    expect(limited.json.errors[0].extensions.code).toBe("too_many_requests");
    const reset = Number(limited.headers.get("ratelimit-reset"));
    expect(reset).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    // Another token has its own budget.
    const other = token(await createApiToken(database.db, { administrateurEmail: admin.a, name: "Other" }));
    expect((await post(body, { url, token: other.bearer })).status).toBe(200);
  });

  it("limits requests without a token (persisted queries) per address", async () => {
    const url = `${baseUrl}/limited/graphql`;
    const body = {
      queryId: "ds-query-v2",
      operationName: "getDemarcheDescriptor",
      variables: { demarche: { number: fixtures.d1.id } },
    };
    expect((await post(body, { url, token: null })).status).toBe(200);
    expect((await post(body, { url, token: null })).status).toBe(200);
    const limited = await post(body, { url, token: null });
    expect(limited.status).toBe(429);
    expect(limited.json.errors[0].extensions.code).toBe("too_many_requests");
  });

  it("stops resolving with a timeout error once the deadline has passed", async () => {
    const { json } = await post({ query: QUERY, variables: { n: fixtures.d1.id } }, { url: `${baseUrl}/slow/graphql` });
    expect(json.errors[0]).toMatchObject({ message: "Timeout on Query.demarche", extensions: { code: "timeout" } });
  });
});

describe("pagination and filters", () => {
  const PAGE = `query($n: Int!, $first: Int, $last: Int, $after: String, $before: String, $order: Order, $state: DossierState,
      $updatedSince: ISO8601DateTime, $createdSince: ISO8601DateTime, $revision: ID, $minRevision: ID) {
    demarche(number: $n) { dossiers(first: $first, last: $last, after: $after, before: $before, order: $order, state: $state,
        updatedSince: $updatedSince, createdSince: $createdSince, revision: $revision, minRevision: $minRevision) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { number state } }
      nodes { number dateDepot }
    } } }`;

  async function page(variables: Record<string, unknown>) {
    const { json } = await gql(PAGE, { n: fixtures.d1.id, ...variables });
    if (json.errors) return { errors: json.errors as Json[] };
    return json.data.demarche.dossiers as Json;
  }

  it("caps pages at 100 and refuses first with last", async () => {
    expect((await page({ first: 500 })).nodes.length).toBe(100);
    expect((await page({ first: 1_000_000 })).nodes.length).toBe(100);
    expect((await page({})).nodes.length).toBe(100);
    const both = await page({ first: 1, last: 1 });
    expect(both.errors?.[0]).toMatchObject({
      message: 'Arguments "first" and "last" are exclusive',
      extensions: { code: "bad_request" },
    });
    expect((await page({ first: -1 })).errors?.[0]?.extensions.code).toBe("bad_request");
    expect((await page({ after: "not-a-cursor" })).errors?.[0]).toMatchObject({ extensions: { code: "bad_request" } });
  });

  it("walks forward and backward with consistent cursors", async () => {
    const all = (await page({ state: "accepte", first: 100 })) as Json;
    const first10 = (await page({ state: "accepte", first: 10 })) as Json;
    expect(first10.nodes.map((n: Json) => n.number)).toEqual(all.nodes.slice(0, 10).map((n: Json) => n.number));
    expect(first10.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first10.edges.map((e: Json) => e.cursor)).toContain(first10.pageInfo.endCursor);
    expect(first10.pageInfo.startCursor).toBe(first10.edges[0].cursor);

    const next10 = (await page({ state: "accepte", first: 10, after: first10.pageInfo.endCursor })) as Json;
    expect(next10.nodes.map((n: Json) => n.number)).toEqual(all.nodes.slice(10, 20).map((n: Json) => n.number));
    expect(next10.pageInfo.hasPreviousPage).toBe(true);

    const back = (await page({ state: "accepte", last: 5, before: next10.pageInfo.startCursor })) as Json;
    expect(back.nodes.map((n: Json) => n.number)).toEqual(all.nodes.slice(5, 10).map((n: Json) => n.number));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("last and the deprecated order: DESC read the end of the list, in list order", async () => {
    const everything: number[] = [];
    let after: string | null = null;
    do {
      const p = (await page({ first: 100, after })) as Json;
      everything.push(...p.nodes.map((n: Json) => n.number));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    expect(everything.length).toBe(252); // 250 accepted + en_construction + refuse
    const last3 = (await page({ last: 3 })) as Json;
    expect(last3.nodes.map((n: Json) => n.number)).toEqual(everything.slice(-3));
    expect(last3.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it("order: DESC lists newest first, `after` continues downwards, and `last` is refused", async () => {
    const everything: number[] = [];
    let after: string | null = null;
    do {
      const p = (await page({ first: 100, after })) as Json;
      everything.push(...p.nodes.map((n: Json) => n.number));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (after);
    const newestFirst = [...everything].reverse();

    const first = (await page({ first: 3, order: "DESC" })) as Json;
    expect(first.nodes.map((n: Json) => n.number)).toEqual(newestFirst.slice(0, 3));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await page({ first: 3, order: "DESC", after: first.pageInfo.endCursor })) as Json;
    expect(second.nodes.map((n: Json) => n.number)).toEqual(newestFirst.slice(3, 6));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const p = (await page({ first: 100, order: "DESC", after: cursor })) as Json;
      seen.push(...p.nodes.map((n: Json) => n.number));
      cursor = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    } while (cursor);
    expect(seen).toEqual(newestFirst);

    const refused = await page({ last: 3, order: "DESC" });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Argument "last" is not supported with order "desc"',
      extensions: { code: "bad_request" },
    });
  });

  it("filters by state, dates and revision", async () => {
    const enConstruction = (await page({ state: "en_construction" })) as Json;
    expect(enConstruction.nodes.map((n: Json) => n.number)).toEqual([fixtures.enConstruction]);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(((await page({ createdSince: future })) as Json).nodes).toEqual([]);
    expect(((await page({ updatedSince: future })) as Json).nodes).toEqual([]);
    await database.db
      .update(dossiers)
      .set({ updatedAt: sql`now() + interval '2 hours'` })
      .where(eq(dossiers.id, fixtures.source));
    const updated = (await page({ updatedSince: future })) as Json;
    expect(updated.nodes.map((n: Json) => n.number)).toEqual([fixtures.source]);

    const revisionId = toGlobalId("ProcedureRevision", fixtures.d1.publishedRevisionId as number);
    expect(((await page({ revision: revisionId, first: 100 })) as Json).nodes.length).toBe(100);
    expect(((await page({ minRevision: revisionId, first: 100 })) as Json).nodes.length).toBe(100);
    const [draft] = await database.db
      .select({ id: revisions.id })
      .from(revisions)
      .where(eq(revisions.demarcheId, fixtures.d1.id))
      .orderBy(sql`id desc`)
      .limit(1);
    expect(((await page({ revision: toGlobalId("ProcedureRevision", draft?.id as number) })) as Json).nodes).toEqual([]);
    expect(((await page({ revision: "garbage" })) as Json).nodes).toEqual([]);
  });
});

describe("performance", () => {
  const LIST = `query($n: Int!, $first: Int) { demarche(number: $n) { publishedRevision { champDescriptors { id label } }
    dossiers(first: $first) { nodes { number usager { email } demandeur { ... on PersonnePhysique { nom } }
      champs { id label stringValue ... on DateChamp { date } } traitements { state emailAgentTraitant } } } } }`;

  it("costs the same number of SQL queries for 10 and 100 dossiers (no N+1)", async () => {
    // last_used_at is written at most once a minute: make it recent so no run pays for that write.
    const touch = () =>
      database.db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, fixtures.tokens.allId));
    const run = async (first: number) =>
      countQueries(database.pool as never, async () => {
        const { json } = await gql(LIST, { n: fixtures.d4.id, first });
        expect(json.errors).toBeUndefined();
        return json.data.demarche.dossiers.nodes.length as number;
      });
    await touch();
    const ten = await run(100);
    expect(ten.result).toBe(10);
    await cloneDossier(database.db, fixtures.d4Source, 90);
    await touch();
    const hundred = await run(100);
    expect(hundred.result).toBe(100);
    expect(hundred.queries.length).toBe(ten.queries.length);
    expect(hundred.queries.length).toBeLessThanOrEqual(12);
  });
});
