import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { fieldValue, location, newAdministrateur, pageText } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheInTest(libelle: string, instructeurEmails: string[] = []) {
  const { browser, admin } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    libelle,
    published: false,
    instructeurEmails,
  });
  const page = `/admin/procedures/${demarche.id}/publication`;
  await browser.get(page);
  return { browser, demarche, page };
}

const stateOf = async (id: number) => (await server.database.db.select().from(demarches).where(eq(demarches.id, id)))[0];

describe("publication", () => {
  it("lists what blocks publication, with links to fix it, and refuses to publish", async () => {
    const { browser, demarche, page } = await demarcheInTest("Aide à la rénovation énergétique");
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Au moins un instructeur doit être affecté à la démarche.");
    expect(browser.lastHtml).toContain(`href="/admin/procedures/${demarche.id}/instructeurs"`);
    expect(fieldValue(browser.lastHtml, "path")).toBe("aide-a-la-renovation-energetique");
    expect(text).toContain("/commencer/aide-a-la-renovation-energetique");
    expect(text).toContain("Je comprends que les dossiers de test seront supprimés");

    const refused = await browser.post(page, { intent: "publish", path: "aide-renovation", confirmTestDeletion: "on" });
    expect(refused.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Au moins un instructeur doit être affecté à la démarche.");
    expect(fieldValue(browser.lastHtml, "path")).toBe("aide-renovation");
    expect((await stateOf(demarche.id))?.state).toBe("brouillon");
  });

  it("refuses a malformed path, a path already taken and a missing confirmation", async () => {
    const { db } = server.database;
    await buildDemarche(db, { path: "deja-prise" });
    const { browser, demarche, page } = await demarcheInTest("Permis de végétaliser", ["instructeur-vege@exemple.fr"]);
    const before = await stateOf(demarche.id);

    expect((await browser.post(page, { intent: "publish", path: "Avec Espaces!", confirmTestDeletion: "on" })).status).toBe(400);
    expect(browser.lastHtml).toContain("Utilisez de 3 à 200 lettres minuscules sans accent");
    expect(browser.lastHtml).toContain('href="#path"');
    expect(fieldValue(browser.lastHtml, "path")).toBe("Avec Espaces!");

    expect((await browser.post(page, { intent: "publish", path: "deja-prise", confirmTestDeletion: "on" })).status).toBe(400);
    expect(browser.lastHtml).toContain("Cette adresse est déjà utilisée par une autre démarche");

    expect((await browser.post(page, { intent: "publish", path: "permis-vegetaliser" })).status).toBe(400);
    expect(browser.lastHtml).toContain("Cochez la case pour confirmer la suppression des dossiers de test");
    expect(await stateOf(demarche.id)).toEqual(before);
  });

  it("suggests a free path when the libellé's one is taken", async () => {
    const { db } = server.database;
    await buildDemarche(db, { path: "carte-de-stationnement" });
    await buildDemarche(db, { path: "carte-de-stationnement-2" });
    const { browser } = await demarcheInTest("Carte de stationnement");
    expect(fieldValue(browser.lastHtml, "path")).toBe("carte-de-stationnement-3");
  });

  it("publishes at the chosen path, shows the public link, then closes after a confirmation", async () => {
    const { browser, demarche, page } = await demarcheInTest("Inscription à la cantine", ["cantine@exemple.fr"]);
    const published = await browser.post(page, { intent: "publish", path: "inscription-cantine", confirmTestDeletion: "on" });
    expect(location(published)).toBe(`${page}?publiee=1`);
    expect(await stateOf(demarche.id)).toMatchObject({ state: "publiee", path: "inscription-cantine" });

    await browser.get(location(published));
    expect(pageText(browser.lastHtml)).toContain("Démarche publiée");
    expect(browser.lastHtml).toContain(`href="${server.database.config.appUrl}/commencer/inscription-cantine"`);
    const publicPage = await fetch(new URL("/commencer/inscription-cantine", server.url), { redirect: "manual" });
    expect(publicPage.status).toBe(200);

    // Once published: the current path is offered, no test confirmation, and the démarche can be closed.
    await browser.get(page);
    expect(fieldValue(browser.lastHtml, "path")).toBe("inscription-cantine");
    expect(browser.lastHtml).not.toContain('name="confirmTestDeletion"');
    expect(pageText(browser.lastHtml)).toContain("Clore la démarche");
    const confirm = await browser.post(page, { intent: "confirm-close" });
    expect(confirm.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Clore définitivement le dépôt des dossiers ?");
    expect((await stateOf(demarche.id))?.state).toBe("publiee");

    const closing = await browser.post(page, { intent: "close" });
    expect(location(closing)).toBe(`/admin/procedures/${demarche.id}?notice=closed`);
    const closed = await stateOf(demarche.id);
    expect(closed?.state).toBe("close");
    expect(closed?.closedAt).not.toBeNull();
    const closedPage = await fetch(new URL("/commencer/inscription-cantine", server.url), { redirect: "manual" });
    expect(closedPage.status).not.toBe(200);

    await browser.get(location(closing));
    expect(pageText(browser.lastHtml)).toContain("La démarche est close");
    expect(pageText(browser.lastHtml)).toContain("Le lien public est désactivé");
    await browser.get("/admin/procedures?statut=closes");
    expect(pageText(browser.lastHtml)).toContain("Inscription à la cantine");
  });

  it("publishes the changes of a published démarche's draft", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche, path } = await buildDemarche(db, { administrateurEmail: admin.email });
    const champs = `/admin/procedures/${demarche.id}/champs`;
    await browser.get(champs);
    await browser.post(champs, { intent: "add", type: "yes_no" });
    const page = `/admin/procedures/${demarche.id}/publication`;
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire a été modifié depuis la dernière publication.");
    expect(location(await browser.post(page, { intent: "publish", path: path as string, confirmChanges: "on" }))).toBe(
      `${page}?publiee=1`,
    );
    const after = await stateOf(demarche.id);
    expect(after?.publishedRevisionId).not.toBe(demarche.publishedRevisionId);
    expect(after?.path).toBe(path);
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire n’a pas changé depuis la dernière publication.");
  });
});
