/**
 * `Dossier.annotations(id)`: the annotations privées of a dossier, as the same Champ types as
 * `champs`, one per annotation of its revision (blank ones included); the two lists never mix.
 */
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { champId } from "../../../server/domain/form/champ-id";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { buildDemarcheWithAnnotations } from "../instructeur/annotations-helpers";

let database: TestDatabase;
let server: Server;
let baseUrl: string;
let bearer: string;
let dossierId: number;
let ids: Record<string, number>;
let publicId: number;

const QUERY = /* GraphQL */ `
  query dossierAnnotations($number: Int!, $annotationId: ID, $publicId: ID) {
    dossier(number: $number) {
      champs {
        id
        label
      }
      annotations {
        __typename
        id
        champDescriptorId
        label
        stringValue
        ... on IntegerNumberChamp {
          value
        }
        ... on DateChamp {
          date
        }
        ... on CheckboxChamp {
          checked: value
        }
      }
      one: annotations(id: $annotationId) {
        id
        stringValue
      }
      none: annotations(id: $publicId) {
        id
      }
      publicById: champs(id: $annotationId) {
        id
      }
    }
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

  const admin = "admin-annotations-api@exemple.fr";
  const built = await buildDemarcheWithAnnotations(db, {
    administrateurEmail: admin,
    champs: [{ type: "text", libelle: "Nom du projet" }],
    annotations: [
      { type: "integer_number", libelle: "Montant accordé", mandatory: false },
      { type: "date", libelle: "Date de la commission", mandatory: false },
      { type: "checkbox", libelle: "Pièces vérifiées", mandatory: false },
      { type: "text", libelle: "Commentaire", mandatory: false },
    ],
    instructeurEmails: ["instructeur-annotations-api@exemple.fr"],
  });
  ids = built.annotationIds;
  publicId = (await loadRevisionChamps(db, built.demarche.publishedRevisionId as number))[0]?.stableId as number;
  dossierId = (await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path }, state: "en_instruction" }))
    .dossierId;
  const typed: Record<string, string> = {
    [champInputName(ids["Montant accordé"] as number)]: "15000",
    [champInputName(ids["Date de la commission"] as number)]: "2026-06-02",
    [champInputName(ids["Pièces vérifiées"] as number)]: "true",
  };
  const saved = await saveAnnotations(db, built.instructeurs[0]?.instructeurId as number, dossierId, (name) => typed[name]);
  if (!saved.ok) throw new Error(`saveAnnotations: ${JSON.stringify(saved.refusals)}`);
  const token = await createApiToken(db, { administrateurEmail: admin, name: "Annotations" });
  if (!token.ok) throw new Error("createApiToken");
  bearer = token.bearer;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

async function gql(variables: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  return (await response.json()) as { data?: { dossier: Record<string, Array<Record<string, unknown>>> }; errors?: unknown };
}

describe("Dossier.annotations", () => {
  it("returns every annotation with its typed value, apart from the usager's champs", async () => {
    const annotationId = champId(ids["Montant accordé"] as number);
    const result = await gql({ number: dossierId, annotationId, publicId: champId(publicId) });
    expect(result.errors).toBeUndefined();
    const dossier = result.data?.dossier;
    expect(dossier?.champs?.map((c) => c.label)).toEqual(["Nom du projet"]);
    expect(dossier?.annotations).toEqual([
      {
        __typename: "IntegerNumberChamp",
        id: annotationId,
        champDescriptorId: annotationId,
        label: "Montant accordé",
        stringValue: "15000",
        value: "15000",
      },
      {
        __typename: "DateChamp",
        id: champId(ids["Date de la commission"] as number),
        champDescriptorId: champId(ids["Date de la commission"] as number),
        label: "Date de la commission",
        stringValue: expect.any(String),
        date: "2026-06-02",
      },
      {
        __typename: "CheckboxChamp",
        id: champId(ids["Pièces vérifiées"] as number),
        champDescriptorId: champId(ids["Pièces vérifiées"] as number),
        label: "Pièces vérifiées",
        stringValue: expect.any(String),
        checked: true,
      },
      {
        __typename: "TextChamp",
        id: champId(ids.Commentaire as number),
        champDescriptorId: champId(ids.Commentaire as number),
        label: "Commentaire",
        stringValue: "",
      },
    ]);
    // By id: only that annotation; a public field's id is not an annotation, and vice versa.
    expect(dossier?.one).toEqual([{ id: annotationId, stringValue: "15000" }]);
    expect(dossier?.none).toEqual([]);
    expect(dossier?.publicById).toEqual([]);
  });
});
