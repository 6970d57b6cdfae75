import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupesInstructeurs } from "../../../server/db/schema";
import { storageFor } from "../../../server/integrations/storage";
import { runGroupesImport } from "../../../server/operations/groupes/run-groupes-import";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, newAdministrateur, pageText } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("groupes instructeurs pages", () => {
  it("creates a groupe, adds an instructeur to it, and answers 404 to another administrateur or another démarche's groupe", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const page = `/admin/procedures/${demarche.id}/groupes`;
    expect((await browser.get(page)).status).toBe(200);
    const created = await browser.post(page, { intent: "create", label: "Nord" });
    expect(location(created)).toMatch(new RegExp(`^${page}/\\d+\\?notice=created$`));
    const [nord] = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.label, "Nord")));
    const groupePage = `${page}/${nord?.id}`;
    const added = await browser.post(groupePage, { intent: "add", emails: "agent.nord@exemple.fr" });
    expect(location(added)).toBe(`${groupePage}?notice=added`);
    await browser.get(groupePage);
    expect(pageText(browser.lastHtml)).toContain("agent.nord@exemple.fr");
    const taken = await browser.post(page, { intent: "create", label: "Nord" });
    expect(taken.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Un groupe porte déjà ce nom.");

    const other = await buildDemarche(db, { published: false });
    const [otherGroupe] = await db
      .select()
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, other.demarche.id));
    expect((await browser.get(`${page}/${otherGroupe?.id}`)).status).toBe(404);
    expect((await browser.get(`/admin/procedures/${other.demarche.id}/groupes`)).status).toBe(404);
    const { browser: stranger } = await newAdministrateur(server);
    await stranger.get("/admin/procedures");
    expect((await stranger.get(groupePage)).status).toBe(404);
    expect((await stranger.post(page, { intent: "create", label: "Intrus" }, { csrf: stranger.csrf() })).status).toBe(404);
  });
});

describe("groupes CSV import pages", () => {
  const csvForm = (text: string) => {
    const form = new FormData();
    form.append("file", new File([text], "groupes.csv", { type: "text/csv" }));
    return form;
  };

  it("a large file goes to a progress page (Actualiser without JavaScript, result when done); 404 for another administrateur", async () => {
    const { db, config } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const page = `/admin/procedures/${demarche.id}/groupes`;
    await browser.get(page);
    const lines = Array.from({ length: 1500 }, (_, i) => `Secteur ${i % 300},agent-${i}@exemple.fr`);
    const sent = await browser.postFormData(`${page}?import`, csvForm(lines.join("\n")));
    const progress = location(sent);
    expect(progress).toMatch(new RegExp(`^${page}/imports/\\d+\\?notice=queued$`));
    const progressPage = progress.split("?")[0] as string;
    expect((await browser.get(progress)).status).toBe(200);
    const waiting = pageText(browser.lastHtml);
    expect(waiting).toMatch(/0 lignes traitées sur 1\s500/);
    expect(waiting).toContain("Actualiser");
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Un import de fichier est en cours");

    const { browser: stranger } = await newAdministrateur(server);
    await stranger.get("/admin/procedures");
    expect((await stranger.get(progressPage)).status).toBe(404);
    expect((await browser.get(`${page}/imports/999999`)).status).toBe(404);

    const importId = Number(progressPage.split("/").pop());
    expect(await runGroupesImport(db, storageFor(config), importId)).toBe("finished");
    await browser.get(progressPage);
    const done = pageText(browser.lastHtml);
    expect(done).toMatch(/1\s500 lignes traitées sur 1\s500/);
    expect(done).toMatch(/Import terminé : 300 groupe\(s\) créé\(s\), 1\s500 affectation\(s\) ajoutée\(s\)/);
    expect(done).not.toContain("Actualiser");
    expect((await stranger.get(progressPage)).status).toBe(404);
  });

  it("a small file with bad lines is refused with each line's number; nothing is queued", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const page = `/admin/procedures/${demarche.id}/groupes`;
    await browser.get(page);
    const refused = await browser.postFormData(`${page}?import`, csvForm("Nord,nord@exemple.fr\nSud,pas-une-adresse\n"));
    expect(refused.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Ligne 2 : l’adresse e-mail n’est pas valide.");
    const done = await browser.postFormData(`${page}?import`, csvForm("Nord,nord@exemple.fr\n"));
    expect(location(done)).toBe(`${page}?notice=imported&a=1&b=1`);
  });
});
