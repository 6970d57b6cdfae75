import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instructeurs, users } from "../../../server/db/schema";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, newAdministrateur, signedIn, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A démarche of someone else, published, with a field and an instructeur, and every request one could try on it. */
async function foreignDemarche() {
  const { db } = server.database;
  const { demarche } = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom" },
      { type: "integer_number", libelle: "Montant" },
    ],
    instructeurEmails: ["instructeur-a@exemple.fr", "instructeur-b@exemple.fr"],
  });
  const [champ] = await draftChamps(db, demarche.id);
  const [instructeur] = await db
    .select({ id: instructeurs.id })
    .from(instructeurs)
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(users.email, "instructeur-a@exemple.fr"));
  const base = `/admin/procedures/${demarche.id}`;
  const stableId = String(champ?.stableId);
  const instructeurId = String(instructeur?.id);
  const posts: Array<[string, Record<string, string>]> = [
    [base, {}],
    [`${base}/edit`, { libelle: "Piratée", description: "x", cadreJuridique: "", lienDpo: "", dureeConservation: "3" }],
    [`${base}/edit`, { libelle: "", description: "", cadreJuridique: "", lienDpo: "", dureeConservation: "99" }],
    [`${base}/champs`, { intent: "add", type: "text" }],
    [`${base}/champs`, { intent: "add", type: "text", _js: "1" }],
    [`${base}/champs`, { intent: "update", stableId, libelle: "Piraté", description: "", mandatory: "on" }],
    [`${base}/champs`, { intent: "move-down", stableId }],
    [`${base}/champs`, { intent: "confirm-delete", stableId }],
    [`${base}/champs`, { intent: "delete", stableId }],
    [`${base}/instructeurs`, { intent: "add", emails: "intrus@exemple.fr" }],
    [`${base}/instructeurs`, { intent: "confirm-remove", instructeurId }],
    [`${base}/instructeurs`, { intent: "remove", instructeurId }],
    [`${base}/apercu`, {}],
    [`${base}/publication`, { intent: "publish", path: "piratee", confirmTestDeletion: "on" }],
    [`${base}/publication`, { intent: "confirm-close" }],
    [`${base}/publication`, { intent: "close" }],
  ];
  const gets = [base, `${base}/edit`, `${base}/champs`, `${base}/instructeurs`, `${base}/apercu`, `${base}/publication`];
  return { demarche, gets, posts, stableId, instructeurId };
}

describe("the administrateur's pages are scoped to their démarches", () => {
  it("answers 404 to another administrateur on every page and every form, and changes nothing", async () => {
    const { db } = server.database;
    const { demarche, gets, posts } = await foreignDemarche();
    const { browser } = await newAdministrateur(server);
    await browser.get("/admin/procedures");
    const csrf = browser.csrf();
    expect(browser.lastHtml).not.toContain(demarche.libelle);
    const before = await snapshot(db);
    for (const path of gets) {
      const response = await browser.get(path);
      expect(response.status, `GET ${path}`).toBe(404);
      expect(browser.lastHtml).not.toContain(demarche.libelle);
    }
    for (const [path, fields] of posts) {
      const response = await browser.post(path, fields, { csrf });
      expect(response.status, `POST ${path} ${JSON.stringify(fields)}`).toBe(404);
      expect(browser.lastHtml).not.toContain(demarche.libelle);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("answers 404 when a field or an instructeur of another démarche is sent to one's own", async () => {
    const { db } = server.database;
    const { stableId, instructeurId } = await foreignDemarche();
    const { browser, admin } = await newAdministrateur(server);
    const own = await buildDemarche(db, {
      administrateurEmail: admin.email,
      published: false,
      instructeurEmails: ["mien@exemple.fr"],
    });
    const base = `/admin/procedures/${own.demarche.id}`;
    await browser.get(`${base}/champs`);
    const csrf = browser.csrf();
    const before = await snapshot(db);
    const attempts: Array<Record<string, string>> = [
      { intent: "update", stableId, libelle: "Piraté", description: "" },
      { intent: "move-up", stableId },
      { intent: "delete", stableId },
      { intent: "add", type: "text", afterStableId: stableId },
    ];
    for (const fields of attempts) {
      expect((await browser.post(`${base}/champs`, fields, { csrf })).status, JSON.stringify(fields)).toBe(404);
    }
    expect((await browser.post(`${base}/instructeurs`, { intent: "remove", instructeurId }, { csrf })).status).toBe(404);
    expect(await snapshot(db)).toEqual(before);
  });

  it("answers 404 for démarches that do not exist or malformed numbers", async () => {
    const { browser } = await newAdministrateur(server);
    for (const path of [
      "/admin/procedures/999999",
      "/admin/procedures/0/champs",
      "/admin/procedures/abc/edit",
      "/admin/procedures/1e3/publication",
    ]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  it("answers 404 to a signed-in usager or instructeur, and sends anonymous visitors to sign in", async () => {
    const { db } = server.database;
    const { demarche, gets, posts } = await foreignDemarche();
    const usager = await buildUser(db);
    const before = await snapshot(db);
    for (const email of [usager.email, "instructeur-a@exemple.fr"]) {
      const browser = await signedIn(server, email);
      expect((await browser.get("/admin/procedures")).status).toBe(404);
      // The layout's guard refuses below the root: the 404 page keeps the header of the signed-in user.
      expect(browser.lastHtml).toContain('action="/users/sign_out"');
      expect((await browser.get("/admin/procedures/new")).status).toBe(404);
      for (const path of gets) expect((await browser.get(path)).status, `${email} GET ${path}`).toBe(404);
      await browser.get("/");
      const csrf = browser.csrf();
      for (const [path, fields] of posts)
        expect((await browser.post(path, fields, { csrf })).status, `${email} POST ${path}`).toBe(404);
      const created = await browser.post(
        "/admin/procedures/new",
        { libelle: "x", description: "y", dureeConservation: "1" },
        { csrf },
      );
      expect(created.status).toBe(404);
    }
    for (const path of [...gets, "/admin/procedures", "/admin/procedures/new"]) {
      const response = await fetch(new URL(path, server.url), { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe(`/users/sign_in?redirect_to=${encodeURIComponent(path)}`);
    }
    expect(await snapshot(db)).toEqual(before);
    expect(demarche.state).toBe("publiee");
  });
});
