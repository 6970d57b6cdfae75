/**
 * `Champ.stringValue` of every field type, as the reference API v2 formats it (table in
 * docs/api.md): dates in French words, date-times with their Paris time, communes with their postal
 * code, départements « code - nom », multiple choices joined by « , », checkboxes "true"/"false",
 * files null, and "" for any other blank value.
 */
import type { Server } from "node:http";
import { inArray } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers as dossiersTable } from "../../../server/db/schema";
import { TYPES_CHAMP, type TypeChamp } from "../../../server/domain/champs/definition";
import { createGraphqlMount } from "../../../server/graphql/mount";
import { logger } from "../../../server/logger";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in assertions.
type Json = any;

let database: TestDatabase;
let server: Server;
let baseUrl = "";
let bearer = "";
const dossiers = { filled: 0, blank: 0 };

/** Every type that holds a value in a dossier, one field each, labelled by its type. */
const TYPES = TYPES_CHAMP.filter((type) => type !== "repetition");

async function stringValues(dossier: number): Promise<Record<string, string | null>> {
  const response = await fetch(`${baseUrl}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({
      query: "query($n: Int!) { dossier(number: $n) { champs { label stringValue } } }",
      variables: { n: dossier },
    }),
  });
  const json = (await response.json()) as Json;
  expect(json.errors).toBeUndefined();
  return Object.fromEntries(json.data.dossier.champs.map((c: Json) => [c.label, c.stringValue]));
}

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

  const admin = await buildUser(db, ["administrateur"]);
  const built = await buildDemarche(db, {
    administrateurEmail: admin.email,
    champs: TYPES.map((type: TypeChamp) => ({ type, libelle: type, mandatory: false })),
  });
  const demarche = { id: built.demarche.id, path: built.path };
  const filled = await buildDossier(db, {
    demarche,
    values: { date: "2026-03-05", datetime: "2026-03-15T14:30", decimal_number: "1234.5", integer_number: "42" },
  });
  const blank = await buildDossier(db, {
    demarche,
    values: Object.fromEntries(TYPES.map((type) => [type, ""])),
  });
  // Submitted as they are: an address needs the address service to pass submission, and the
  // formatting of a stored value does not depend on how it was submitted.
  await db
    .update(dossiersTable)
    .set({ state: "en_construction", deposeAt: new Date(), enConstructionAt: new Date() })
    .where(inArray(dossiersTable.id, [filled.dossierId, blank.dossierId]));
  dossiers.filled = filled.dossierId;
  dossiers.blank = blank.dossierId;
  const token = await createApiToken(db, { administrateurEmail: admin.email, name: "stringValue" });
  if (!token.ok) throw new Error("token");
  bearer = token.bearer;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.close();
});

describe("Champ.stringValue", () => {
  it("formats each type's value as the reference does", async () => {
    expect(await stringValues(dossiers.filled)).toEqual({
      header_section: "",
      text: "Rénovation de la salle des fêtes",
      textarea: "Le projet consiste à rénover la salle.\nDébut des travaux au printemps.",
      integer_number: "42",
      decimal_number: "1234.5",
      date: "05 mars 2026",
      datetime: "15 mars 2026 14:30",
      yes_no: "true",
      checkbox: "true",
      drop_down_list: "Premier choix",
      multiple_drop_down_list: "Premier choix",
      civilite: "Mme",
      email: "camille.dupont@example.fr",
      phone: "0612345678",
      iban: "FR7630006000011234567890189",
      siret: "73282932000074",
      explication: "",
      formatted: "AB-1234",
      linked_drop_down_list: "Premier choix",
      dossier_link: "",
      piece_justificative: null,
      titre_identite: null,
      pays: "France",
      regions: "Bretagne",
      departements: "56 - Morbihan",
      communes: "Lorient (56100)",
      epci: "CA Lorient Agglomération",
      address: "20 Avenue de Ségur 75007 Paris",
    } satisfies Record<(typeof TYPES)[number], string | null>);
  });

  it('is the reference\'s empty value when blank: "false" for checkboxes, null for files, "" otherwise', async () => {
    const values = await stringValues(dossiers.blank);
    const expected = Object.fromEntries(
      TYPES.map((type) => [
        type,
        type === "checkbox" || type === "yes_no"
          ? "false"
          : type === "piece_justificative" || type === "titre_identite"
            ? null
            : "",
      ]),
    );
    expect(values).toEqual(expected);
  });
});
