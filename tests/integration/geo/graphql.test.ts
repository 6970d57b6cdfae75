/**
 * The geographic fields through the GraphQL API: PaysChamp, RegionChamp, DepartementChamp,
 * CommuneChamp, EpciChamp and AddressChamp (fragment-gated as in the reference: TextChamp when
 * the query does not name them), and their descriptors. Values are stored as the form stores them:
 * parsed, then resolved with the bundled data and a local BAN peer.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertChampValues } from "../../../server/db/champ-values";
import { loadRevisionChamps } from "../../../server/db/revisions";
import type { JsonValue } from "../../../server/domain/champs/definition";
import { resolveChampValues } from "../../../server/domain/champs/resolve-values";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { createReferenceData } from "../../../server/integrations/reference-data";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let peer: BanPeer;
let server: Server;
let baseUrl: string;
let bearer: string;
let number: number;

const FIELDS = {
  pays: "Pays de naissance",
  regions: "Région",
  departements: "Département",
  communes: "Commune",
  epci: "Intercommunalité",
  address: "Adresse",
  abroad: "Adresse à l'étranger",
} as const;

beforeAll(async () => {
  database = await createTestDatabase();
  peer = await startBanPeer("up");
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

  const admin = "admin-geo-api@exemple.fr";
  const built = await buildDemarche(db, {
    administrateurEmail: admin,
    champs: [
      { type: "pays", libelle: FIELDS.pays },
      { type: "regions", libelle: FIELDS.regions },
      { type: "departements", libelle: FIELDS.departements },
      { type: "communes", libelle: FIELDS.communes, mandatory: false },
      { type: "epci", libelle: FIELDS.epci, mandatory: false },
      { type: "address", libelle: FIELDS.address, mandatory: false },
      { type: "address", libelle: FIELDS.abroad, mandatory: false },
    ],
  });
  const { dossierId } = await buildDossier(db, {
    demarche: { id: built.demarche.id, path: built.path },
    state: "en_construction",
    values: {
      [FIELDS.pays]: "DE",
      [FIELDS.regions]: "53",
      [FIELDS.departements]: "2A",
      [FIELDS.communes]: "",
      [FIELDS.epci]: "",
      [FIELDS.address]: "",
      [FIELDS.abroad]: "",
    },
  });
  number = dossierId;

  // What the form posts for the other fields, resolved as a save does, then stored.
  const tree = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const id = (libelle: string) => String(tree.find((field) => field.libelle === libelle)?.stableId);
  const typed = new Map<string, JsonValue>([
    [id(FIELDS.communes), { query: "Saint-Denis", selection: "93066|93200" }],
    [id(FIELDS.epci), { query: "200042174" }],
    [id(FIELDS.address), { source: "search", query: "20 Avenue de Ségur 75007 Paris" }],
    [
      id(FIELDS.abroad),
      {
        source: "manual",
        countryCode: "BE",
        streetAddress: "Rue Neuve 1",
        postalCode: "1000",
        cityName: "Bruxelles",
        label: "Rue Neuve 1, 1000 Bruxelles, Belgique",
      },
    ],
  ]);
  const refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 5000 } });
  const resolved = await resolveChampValues(tree, typed, { refs, source: "form" });
  await upsertChampValues(db, dossierId, resolved, new Map(tree.map((field) => [field.stableId, field.type])));

  const token = await createApiToken(db, { administrateurEmail: admin, name: "Géographie" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await peer?.stop();
  await database?.close();
});

async function gql(query: string) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables: { number } }),
  });
  const body = (await response.json()) as { data?: { dossier: Record<string, unknown> }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.dossier as Record<string, Array<Record<string, unknown>>>;
}

const byLabel = (champs: Array<Record<string, unknown>>) => Object.fromEntries(champs.map((c) => [c.label as string, c]));

describe("geographic champs in the API", () => {
  it("serves the precise types when the query names them", async () => {
    const dossier = await gql(/* GraphQL */ `
      query geo($number: Int!) {
        dossier(number: $number) {
          champs {
            __typename
            label
            stringValue
            ... on PaysChamp { pays { code name } }
            ... on RegionChamp { region { code name } }
            ... on DepartementChamp { departement { code name } }
            ... on CommuneChamp { commune { code name postalCode } departement { code name } }
            ... on EpciChamp { epci { code name } departement { code name } }
            ... on AddressChamp {
              address {
                label type streetAddress streetNumber streetName postalCode cityName cityCode
                departmentCode departmentName regionCode regionName countryCode countryName
                geometry { type coordinates }
              }
              commune { code name postalCode }
              departement { code name }
            }
          }
        }
      }
    `);
    const champs = byLabel(dossier.champs ?? []);
    expect(champs[FIELDS.pays]).toEqual({
      __typename: "PaysChamp",
      label: FIELDS.pays,
      stringValue: "Allemagne",
      pays: { code: "DE", name: "Allemagne" },
    });
    expect(champs[FIELDS.regions]).toMatchObject({ stringValue: "Bretagne", region: { code: "53", name: "Bretagne" } });
    expect(champs[FIELDS.departements]).toMatchObject({
      stringValue: "2A - Corse-du-Sud",
      departement: { code: "2A", name: "Corse-du-Sud" },
    });
    expect(champs[FIELDS.communes]).toMatchObject({
      __typename: "CommuneChamp",
      stringValue: "Saint-Denis (93200)",
      commune: { code: "93066", name: "Saint-Denis", postalCode: "93200" },
      departement: { code: "93", name: "Seine-Saint-Denis" },
    });
    expect(champs[FIELDS.epci]).toMatchObject({
      __typename: "EpciChamp",
      stringValue: "CA Lorient Agglomération",
      epci: { code: "200042174", name: "CA Lorient Agglomération" },
      departement: { code: "56", name: "Morbihan" },
    });
    expect(champs[FIELDS.address]).toMatchObject({
      __typename: "AddressChamp",
      stringValue: "20 Avenue de Ségur 75007 Paris",
      address: {
        label: "20 Avenue de Ségur 75007 Paris",
        type: "housenumber",
        streetAddress: "20 Avenue de Ségur",
        streetNumber: "20",
        streetName: "Avenue de Ségur",
        postalCode: "75007",
        cityName: "Paris",
        cityCode: "75107",
        departmentCode: "75",
        departmentName: "Paris",
        regionCode: "11",
        regionName: "Île-de-France",
        countryCode: "FR",
        countryName: "France",
        geometry: { type: "Point", coordinates: [2.308628, 48.850699] },
      },
      commune: { code: "75107", name: "Paris", postalCode: "75007" },
      departement: { code: "75", name: "Paris" },
    });
    expect(champs[FIELDS.abroad]).toMatchObject({
      stringValue: "Rue Neuve 1, 1000 Bruxelles, Belgique",
      address: {
        cityCode: "",
        cityName: "Bruxelles",
        countryCode: "BE",
        countryName: "Belgique",
        departmentCode: "99",
        geometry: null,
      },
      commune: null,
      departement: { code: "99", name: "Étranger" },
    });
  });

  it("serves them as TextChamp (with their name as value) to queries written before they existed, except EpciChamp", async () => {
    const dossier = await gql(/* GraphQL */ `
      query geo($number: Int!) {
        dossier(number: $number) {
          champs {
            __typename
            label
            ... on TextChamp { value }
          }
        }
      }
    `);
    const champs = byLabel(dossier.champs ?? []);
    expect(champs[FIELDS.pays]).toMatchObject({ __typename: "TextChamp", value: "Allemagne" });
    expect(champs[FIELDS.regions]).toMatchObject({ __typename: "TextChamp", value: "Bretagne" });
    expect(champs[FIELDS.departements]).toMatchObject({ __typename: "TextChamp", value: "Corse-du-Sud" });
    expect(champs[FIELDS.communes]).toMatchObject({ __typename: "TextChamp", value: "Saint-Denis" });
    expect(champs[FIELDS.address]).toMatchObject({ __typename: "TextChamp", value: "20 Avenue de Ségur 75007 Paris" });
    expect(champs[FIELDS.epci]).toMatchObject({ __typename: "EpciChamp" });
  });

  it("describes the fields, with the lists of countries, régions and départements", async () => {
    const response = await fetch(`${baseUrl}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({
        query: /* GraphQL */ `
          query descriptors($number: Int!) {
            dossier(number: $number) {
              demarche { revision { champDescriptors {
                __typename
                label
                type
                ... on PaysChampDescriptor { pays: options { code name } }
                ... on RegionChampDescriptor { regions: options { code name } }
                ... on DepartementChampDescriptor { departements: options { code name } }
              } } }
            }
          }
        `,
        variables: { number },
      }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const descriptors = (
      body.data as { dossier: { demarche: { revision: { champDescriptors: Array<Record<string, unknown>> } } } }
    ).dossier.demarche.revision.champDescriptors;
    const byName = byLabel(descriptors);
    expect(byName[FIELDS.pays]?.__typename).toBe("PaysChampDescriptor");
    expect(byName[FIELDS.pays]?.type).toBe("pays");
    expect(byName[FIELDS.pays]?.pays).toEqual(expect.arrayContaining([{ code: "FR", name: "France" }]));
    expect(byName[FIELDS.regions]?.regions).toHaveLength(18);
    expect(byName[FIELDS.departements]?.departements).toEqual(expect.arrayContaining([{ code: "99", name: "Étranger" }]));
    expect(byName[FIELDS.communes]?.__typename).toBe("CommuneChampDescriptor");
    expect(byName[FIELDS.epci]?.__typename).toBe("EpciChampDescriptor");
    expect(byName[FIELDS.address]?.__typename).toBe("AddressChampDescriptor");
  });
});
