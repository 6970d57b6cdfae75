/**
 * Read fields of the reference served from what we have: `Dossier.connectionUsager` from the
 * owner's account (password, FranceConnect identity linked, account gone),
 * `DemarcheDescriptor.demarcheURL` (the /commencer page); and the reference's empty values for
 * features we do not have: `Dossier.geojson` (no map field), `PersonnePhysique.dateDeNaissance` (no
 * démarche asks for it), `Demarche.chorusConfiguration` (every reference null), descriptor `tags`
 * and `zones` (empty).
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers as dossiersTable, franceConnectInformations } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { executeAsAdministrateur } from "./support";

let database: TestDatabase;
let administrateurId = 0;
let demarcheNumber = 0;
let demarchePath = "";
const numbers = { password: 0, franceConnect: 0, deleted: 0 };

const QUERY = /* GraphQL */ `
  query ($a: Int!, $b: Int!, $c: Int!) {
    password: dossier(number: $a) { ...D }
    franceConnect: dossier(number: $b) { ...D }
    deleted: dossier(number: $c) { ...D }
  }
  fragment D on Dossier {
    connectionUsager
    geojson { url }
    demandeur { ... on PersonnePhysique { nom dateDeNaissance } }
  }
`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await buildUser(db, ["administrateur"]);
  administrateurId = admin.administrateurId as number;
  const built = await buildDemarche(db, { administrateurEmail: admin.email, champs: [{ type: "text", libelle: "Objet" }] });
  const demarche = { id: built.demarche.id, path: built.path };
  demarcheNumber = built.demarche.id;
  demarchePath = built.path as string;
  const password = await buildDossier(db, { demarche, state: "en_construction" });
  const franceConnect = await buildDossier(db, { demarche, state: "en_construction" });
  const deleted = await buildDossier(db, { demarche, state: "en_construction" });
  await db.insert(franceConnectInformations).values({
    userId: franceConnect.usager.userId,
    sub: "fc-sub-connection-usager",
    givenName: "Camille",
    familyName: "Dupont",
    emailFranceConnect: franceConnect.usager.email,
  });
  // An account deleted leaves its dossiers without owner (`on delete set null`).
  await db
    .update(dossiersTable)
    .set({ userId: null })
    .where(inArray(dossiersTable.id, [deleted.dossierId]));
  const [check] = await db
    .select({ userId: dossiersTable.userId })
    .from(dossiersTable)
    .where(eq(dossiersTable.id, deleted.dossierId));
  expect(check?.userId).toBeNull();
  numbers.password = password.dossierId;
  numbers.franceConnect = franceConnect.dossierId;
  numbers.deleted = deleted.dossierId;
});

afterAll(async () => {
  await database?.close();
});

describe("Dossier.connectionUsager", () => {
  it("is password, france_connect or deleted from the owner's account", async () => {
    const data = await executeAsAdministrateur(database, administrateurId, QUERY, {
      a: numbers.password,
      b: numbers.franceConnect,
      c: numbers.deleted,
    });
    expect(data.password.connectionUsager).toBe("password");
    expect(data.franceConnect.connectionUsager).toBe("france_connect");
    expect(data.deleted.connectionUsager).toBe("deleted");
  });

  it("serves no map data and no birth date, which no démarche collects", async () => {
    const data = await executeAsAdministrateur(database, administrateurId, QUERY, {
      a: numbers.password,
      b: numbers.franceConnect,
      c: numbers.deleted,
    });
    for (const dossier of [data.password, data.franceConnect, data.deleted]) {
      expect(dossier.geojson).toBeNull();
      expect(dossier.demandeur).toEqual({ nom: "Dupont", dateDeNaissance: null });
    }
  });
});

describe("démarche fields", () => {
  const QUERY_DEMARCHE = /* GraphQL */ `
    query ($n: Int!) {
      demarche(number: $n) {
        chorusConfiguration { centreDeCout domaineFonctionnel referentielDeProgrammation }
      }
      demarcheDescriptor(demarche: { number: $n }) { demarcheURL demarcheUrl tags zones }
    }
  `;

  it("links to the /commencer page, and has no Chorus references, tags nor zones", async () => {
    const data = await executeAsAdministrateur(database, administrateurId, QUERY_DEMARCHE, { n: demarcheNumber });
    const url = `${database.config.appUrl}/commencer/${demarchePath}`;
    expect(data.demarcheDescriptor).toEqual({ demarcheURL: url, demarcheUrl: url, tags: [], zones: [] });
    expect(data.demarche.chorusConfiguration).toEqual({
      centreDeCout: null,
      domaineFonctionnel: null,
      referentielDeProgrammation: null,
    });
  });
});
