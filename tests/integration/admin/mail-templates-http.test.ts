/**
 * The e-mail pages without JavaScript: save with a bad tag (422, typed text kept, tag named),
 * save, preview, reset; another administrateur gets 404 everywhere and nothing changes.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailTemplates } from "../../../server/db/schema";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { fieldValue, location, newAdministrateur, pageText, signedIn } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function templates(demarcheId: number) {
  return server.database.db
    .select()
    .from(mailTemplates)
    .where(eq(mailTemplates.demarcheId, demarcheId))
    .orderBy(asc(mailTemplates.kind));
}

describe("the e-mail pages", () => {
  it("save (bad tags named, typed text kept), preview and reset without JavaScript", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { champs: [{ type: "text", libelle: "Nom de l'association" }] });
    const browser = await signedIn(server, built.admin.email);
    const base = `/admin/procedures/${built.demarche.id}/emails`;
    expect((await browser.get(base)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Accusé de réception");

    expect((await browser.get(`${base}/initiated`)).status).toBe(200);
    expect(browser.lastHtml).toContain("<code>--Nom de l&#x27;association--</code>");
    expect(fieldValue(browser.lastHtml, "subject")).toBe(
      "Votre dossier n° --numéro du dossier-- a bien été déposé (--libellé démarche--)",
    );
    const refused = await browser.post(`${base}/initiated`, {
      intent: "save",
      subject: "Reçu --numéro du dossier--",
      body: "Bonjour --tag inconnu-- --motivation--",
    });
    expect(refused.status).toBe(422);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("La balise --tag inconnu-- n’existe pas");
    expect(text).toContain("La balise --motivation-- n’est pas disponible dans cet e-mail.");
    expect(fieldValue(browser.lastHtml, "body")).toBe("Bonjour --tag inconnu-- --motivation--");
    expect(browser.lastHtml).toMatch(/aria-describedby="body-error"/);
    expect(await templates(built.demarche.id)).toEqual([]);

    const saved = await browser.post(`${base}/initiated`, {
      intent: "save",
      subject: "Reçu --numéro du dossier--",
      body: "Association : --Nom de l'association--",
    });
    expect(location(saved)).toBe(`${base}/initiated?notice=saved`);
    expect((await templates(built.demarche.id)).map((t) => [t.kind, t.subject])).toEqual([
      ["initiated", "Reçu --numéro du dossier--"],
    ]);

    const { dossierId } = await buildDossier(db, {
      demarche: built.demarche,
      state: "en_construction",
      values: { "Nom de l'association": "<i>Les amis</i>" },
    });
    expect((await browser.get(`${base}/initiated?apercu=${dossierId}`)).status).toBe(200);
    expect(browser.lastHtml).toContain("Association : &lt;i&gt;Les amis&lt;/i&gt;");
    expect(pageText(browser.lastHtml)).toContain(`Reçu ${dossierId}`);

    const reset = await browser.post(`${base}/initiated`, { intent: "reset" });
    expect(location(reset)).toBe(`${base}/initiated?notice=reset`);
    expect(await templates(built.demarche.id)).toEqual([]);
    expect((await browser.get(`${base}/inconnu`)).status).toBe(404);
  });

  it("answers 404 to another administrateur on every page and form, and changes nothing", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db);
    const owner = await signedIn(server, built.admin.email);
    const base = `/admin/procedures/${built.demarche.id}/emails`;
    await owner.get(`${base}/closed`);
    await owner.post(`${base}/closed`, { intent: "save", subject: "Accepté", body: "Bravo" });
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const before = await templates(built.demarche.id);
    expect(before).toHaveLength(1);

    const { browser } = await newAdministrateur(server);
    await browser.get("/admin/procedures");
    const csrf = browser.csrf();
    for (const path of [base, `${base}/closed`, `${base}/closed?apercu=${dossierId}`]) {
      expect((await browser.get(path)).status, path).toBe(404);
      expect(browser.lastHtml).not.toContain(built.demarche.libelle);
    }
    const attempts: Array<Record<string, string>> = [{ intent: "save", subject: "Piraté", body: "x" }, { intent: "reset" }];
    for (const fields of attempts) {
      expect((await browser.post(`${base}/closed`, fields, { csrf })).status).toBe(404);
    }
    expect(await templates(built.demarche.id)).toEqual(before);

    // The owner cannot preview a dossier of another démarche either.
    const other = await buildDemarche(db);
    const { dossierId: foreign } = await buildDossier(db, { demarche: other.demarche, state: "en_construction" });
    expect((await owner.get(`${base}/closed?apercu=${foreign}`)).status).toBe(404);
  });
});
