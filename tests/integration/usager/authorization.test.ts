/**
 * The usager's dossier pages belong to the owner alone: another usager, an instructeur of the
 * démarche and an anonymous visitor all get 404 (never 403: existence is not revealed), for GET
 * and POST, and nothing changes in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { dossierSnapshot, signedInSession } from "./support";

let server: TestServer;
let fixture: {
  brouillonId: number;
  enConstructionId: number;
  champName: string;
  owner: { email: string };
  instructeur: { email: string };
};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const { demarche, instructeurs } = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Montant" },
    ],
  });
  const owner = await buildUser(db);
  const brouillon = await buildDossier(db, { demarche, usager: owner });
  const enConstruction = await buildDossier(db, { demarche, usager: owner, state: "en_construction" });
  const [champ] = await loadRevisionChamps(db, demarche.publishedRevisionId as number);
  fixture = {
    brouillonId: brouillon.dossierId,
    enConstructionId: enConstruction.dossierId,
    champName: `champ_${champ?.stableId}`,
    owner,
    instructeur: instructeurs[0] as { email: string },
  };
});
afterAll(async () => {
  await server?.stop();
});

const PAGES = ["", "/brouillon", "/identite", "/modifier", "/modifications/annuler", "/merci"];

/** Every page of both dossiers, by GET and by POST with plausible fields: always 404, nothing changed. */
async function expectNotFoundEverywhere(session: HttpSession) {
  const { db } = server.database;
  for (const dossierId of [fixture.brouillonId, fixture.enConstructionId]) {
    const before = await dossierSnapshot(db, dossierId);
    for (const page of PAGES) {
      const path = `/dossiers/${dossierId}${page}`;
      const get = await session.get(path);
      expect(get.status, `GET ${path}`).toBe(404);
      expect(session.lastHtml, `GET ${path}`).toContain("Page introuvable");
      const csrf = session.csrf();
      const attempts: Array<Record<string, string>> = [
        { intent: "submit", [fixture.champName]: "Piraté", civilite: "M.", nom: "Intrus", prenom: "Eve" },
        { intent: "autosave", [fixture.champName]: "Piraté" },
        { intent: "save", [fixture.champName]: "Piraté" },
        {},
      ];
      for (const fields of attempts) {
        const post = await session.post(path, fields, { csrf });
        expect(post.status, `POST ${path} ${JSON.stringify(fields)}`).toBe(404);
      }
    }
    expect(await dossierSnapshot(db, dossierId)).toEqual(before);
  }
}

describe("usager dossier pages are the owner's only", () => {
  it("gives 404 to another usager", async () => {
    const other = await buildUser(server.database.db);
    await expectNotFoundEverywhere(await signedInSession(server.url, other));
  });

  it("gives 404 to an instructeur of the démarche", async () => {
    await expectNotFoundEverywhere(await signedInSession(server.url, fixture.instructeur));
  });

  it("gives 404 to an anonymous visitor, with a link to sign in", async () => {
    const session = new HttpSession(server.url);
    await session.get("/");
    await expectNotFoundEverywhere(session);
    await session.get(`/dossiers/${fixture.enConstructionId}`);
    expect(session.lastHtml).toContain(
      `/users/sign_in?redirect_to=${encodeURIComponent(`/dossiers/${fixture.enConstructionId}`)}`,
    );
  });

  it("gives 404 for numbers that are not dossiers", async () => {
    const session = await signedInSession(server.url, fixture.owner);
    for (const path of [
      "/dossiers/999999",
      "/dossiers/abc",
      "/dossiers/0/brouillon",
      "/dossiers/-1/identite",
      "/dossiers/1e3/modifier",
    ]) {
      expect((await session.get(path)).status, path).toBe(404);
    }
  });

  it("lets the owner in (and answers 405 to a POST on the dossier page)", async () => {
    const session = await signedInSession(server.url, fixture.owner);
    expect((await session.get(`/dossiers/${fixture.brouillonId}/brouillon`)).status).toBe(200);
    expect((await session.get(`/dossiers/${fixture.enConstructionId}`)).status).toBe(200);
    expect((await session.post(`/dossiers/${fixture.enConstructionId}`, {})).status).toBe(405);
  });

  it("sends anonymous visitors of Mes dossiers to sign in", async () => {
    const response = await new HttpSession(server.url).get("/dossiers");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/users/sign_in?redirect_to=${encodeURIComponent("/dossiers")}`);
  });
});
