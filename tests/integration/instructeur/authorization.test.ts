/**
 * Who may see and act on an instructeur's pages: anyone outside the démarche's groupes gets the
 * same 404 as for a missing page, on GET and POST, and nothing changes in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, signedIn, snapshot, type Actor } from "./helpers";

let server: TestServer;
let owner: { userId: number; email: string };
let outsider: Actor;
let demarcheId: number;
let otherDemarcheId: number;
let enConstruction: number;
let enInstruction: number;
let accepte: number;
let otherDossier: number;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Démarche protégée", instructeurEmails: ["titulaire@exemple.fr"] });
  demarcheId = built.demarche.id;
  owner = await buildUser(db, [], "usager-proprietaire@exemple.fr");
  enConstruction = (await buildDossier(db, { demarche: built.demarche, usager: owner, state: "en_construction" })).dossierId;
  enInstruction = (await buildDossier(db, { demarche: built.demarche, usager: owner, state: "en_instruction" })).dossierId;
  accepte = (await buildDossier(db, { demarche: built.demarche, usager: owner, state: "accepte" })).dossierId;
  // The outsider instructs another démarche only.
  const other = await buildDemarche(db, { libelle: "Autre démarche", instructeurEmails: ["exterieur@exemple.fr"] });
  otherDemarcheId = other.demarche.id;
  outsider = asActor(other.instructeurs[0] as never);
  otherDossier = (await buildDossier(db, { demarche: other.demarche, state: "en_instruction", instructeur: outsider })).dossierId;
});
afterAll(() => server?.stop());

const ATTEMPTS = (id: number): Array<Record<string, string>> => [
  { intent: "follow" },
  { intent: "unfollow" },
  { intent: "passer_en_instruction" },
  { intent: "repasser_en_construction" },
  { intent: "repasser_en_instruction" },
  { intent: "decision", decision: "accepter", motivation: `accepté ${id}` },
  { intent: "decision", decision: "refuser", motivation: "refusé" },
  { intent: "decision", decision: "classer_sans_suite", motivation: "sans suite" },
];

describe("an instructeur of another démarche", () => {
  it("gets 404 on the list and on each dossier page, GET and POST, and nothing changes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, outsider.email);
    const before = await snapshot(db);

    expect((await browser.get(`/procedures/${demarcheId}`)).status).toBe(404);
    for (const tab of ["a-suivre", "suivis", "traites", "tous"]) {
      expect((await browser.get(`/procedures/${demarcheId}?statut=${tab}`)).status).toBe(404);
    }
    await browser.get("/procedures");
    expect(browser.lastHtml).not.toContain("Démarche protégée");
    for (const id of [enConstruction, enInstruction, accepte]) {
      expect((await browser.get(`/procedures/${demarcheId}/dossiers/${id}`)).status).toBe(404);
      // Through the démarche they do instruct, the dossier of another démarche is not found either.
      expect((await browser.get(`/procedures/${otherDemarcheId}/dossiers/${id}`)).status).toBe(404);
      for (const fields of ATTEMPTS(id)) {
        // A 404 answer to a POST has no form to take a CSRF token from: take it from a page, as a browser would.
        await browser.get("/procedures");
        expect((await browser.post(`/procedures/${demarcheId}/dossiers/${id}`, fields)).status).toBe(404);
        await browser.get("/procedures");
        expect((await browser.post(`/procedures/${otherDemarcheId}/dossiers/${id}`, fields)).status).toBe(404);
      }
    }
    expect(await snapshot(db)).toEqual(before);
  }, 120_000);

  it("cannot reach their own dossier through a démarche it does not belong to", async () => {
    const browser = await signedIn(server, outsider.email);
    expect((await browser.get(`/procedures/${otherDemarcheId}/dossiers/${otherDossier}`)).status).toBe(200);
    expect((await browser.get(`/procedures/${demarcheId}/dossiers/${otherDossier}`)).status).toBe(404);
  });
});

describe("the usager who owns the dossier", () => {
  it("gets 404 on the instructeur pages (no instructeur profile), and nothing changes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, owner.email);
    const before = await snapshot(db);
    expect((await browser.get("/procedures")).status).toBe(404);
    expect((await browser.get(`/procedures/${demarcheId}`)).status).toBe(404);
    expect((await browser.get(`/procedures/${demarcheId}/dossiers/${enConstruction}`)).status).toBe(404);
    for (const fields of ATTEMPTS(enInstruction)) {
      await browser.get("/");
      expect((await browser.post(`/procedures/${demarcheId}/dossiers/${enInstruction}`, fields)).status).toBe(404);
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("an anonymous visitor", () => {
  it("gets 404 on a dossier page (GET and POST) and is sent to sign in for the lists", async () => {
    const { db } = server.database;
    const anonymous = new HttpSession(server.url);
    const before = await snapshot(db);
    const page = await anonymous.get(`/procedures/${demarcheId}/dossiers/${enConstruction}`);
    expect(page.status).toBe(404);
    expect(anonymous.lastHtml).toContain(
      `/users/sign_in?redirect_to=${encodeURIComponent(`/procedures/${demarcheId}/dossiers/${enConstruction}`)}`,
    );
    expect(
      (await anonymous.post(`/procedures/${demarcheId}/dossiers/${enConstruction}`, { intent: "passer_en_instruction" })).status,
    ).toBe(404);
    expect((await anonymous.get(`/procedures/${demarcheId}`)).status).toBe(302);
    expect(await snapshot(db)).toEqual(before);
  });

  it("cannot post without the CSRF field, even as the right instructeur", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, "titulaire@exemple.fr");
    const before = await snapshot(db);
    const response = await browser.post(
      `/procedures/${demarcheId}/dossiers/${enConstruction}`,
      { intent: "passer_en_instruction" },
      { csrf: null },
    );
    expect(response.status).toBe(403);
    expect(await snapshot(db)).toEqual(before);
  });
});
