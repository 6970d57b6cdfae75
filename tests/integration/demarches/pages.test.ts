/**
 * The lifecycle, clone, gallery and catalogue pages over HTTP without JavaScript: forms POST and
 * redirect, errors re-render with what was typed, another administrateur gets 404 and nothing
 * changes; /commencer/<path> of a replaced démarche redirects, of a closed one explains.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { location, newAdministrateur, pageText, snapshot } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const row = async (id: number) => (await server.database.db.select().from(demarches).where(eq(demarches.id, id)))[0];

describe("lifecycle pages", () => {
  it("closes with a replacement; the old link redirects; a closed démarche explains in plain words", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const old = await buildDemarche(db, {
      administrateurEmail: admin.email,
      libelle: "Ancienne démarche",
      path: "ancienne-cycle",
    });
    const next = await buildDemarche(db, {
      administrateurEmail: admin.email,
      libelle: "Nouvelle démarche",
      path: "nouvelle-cycle",
    });
    const other = await buildDemarche(db, { administrateurEmail: admin.email, path: "autre-cycle" });
    const page = `/admin/procedures/${old.demarche.id}/fermeture`;
    expect((await browser.get(page)).status).toBe(200);
    expect(browser.lastHtml).toContain("Nouvelle démarche");

    // A closing date in the past: the message, the value typed, nothing changes.
    const past = await browser.post(page, { intent: "closing-date", autoArchiveOn: "2020-01-01" });
    expect(past.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("La date de fermeture doit être postérieure à aujourd’hui.");
    expect(browser.lastHtml).toContain('value="2020-01-01"');
    expect(browser.lastHtml).toContain('aria-describedby="autoArchiveOn-error');
    expect((await row(old.demarche.id))?.autoArchiveOn).toBeNull();

    const closing = await browser.post(page, {
      intent: "close",
      replacedByDemarcheId: String(next.demarche.id),
      closingDetails: "",
      notifyBrouillon: "on",
    });
    expect(location(closing)).toBe(`/admin/procedures/${old.demarche.id}?notice=closed`);
    expect((await row(old.demarche.id))?.replacedByDemarcheId).toBe(next.demarche.id);
    const visitor = new HttpSession(server.url);
    const followed = await visitor.get("/commencer/ancienne-cycle");
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe("/commencer/nouvelle-cycle");

    // Closed without replacement, with an explanation.
    await browser.post(`/admin/procedures/${other.demarche.id}/fermeture`, {
      intent: "close",
      replacedByDemarcheId: "",
      closingDetails: "Le dispositif a pris fin le 31 décembre.",
    });
    const closed = await visitor.get("/commencer/autre-cycle");
    expect(closed.status).toBe(410);
    expect(pageText(visitor.lastHtml)).toContain("Le dispositif a pris fin le 31 décembre.");
  });

  it("unpublishes, deletes to the corbeille and restores, without JavaScript", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const built = await buildDemarche(db, { administrateurEmail: admin.email, libelle: "Démarche à supprimer" });
    const page = `/admin/procedures/${built.demarche.id}/fermeture`;
    await browser.get(page);
    expect(location(await browser.post(page, { intent: "unpublish" }))).toBe(`${page}?notice=unpublished`);
    expect((await row(built.demarche.id))?.state).toBe("depubliee");
    const confirm = await browser.post(page, { intent: "confirm-discard" });
    expect(confirm.status).toBe(200);
    expect(browser.lastHtml).toContain('id="confirm-discard"');
    expect(location(await browser.post(page, { intent: "discard" }))).toBe("/admin/procedures/corbeille?notice=discarded");
    await browser.get("/admin/procedures?statut=closes");
    expect(browser.lastHtml).not.toContain("Démarche à supprimer");
    await browser.get("/admin/procedures/corbeille");
    expect(browser.lastHtml).toContain("Démarche à supprimer");
    const restore = await browser.post("/admin/procedures/corbeille", { demarcheId: String(built.demarche.id) });
    expect(location(restore)).toBe(`/admin/procedures/${built.demarche.id}?notice=restored`);
    expect((await row(built.demarche.id))?.hiddenAt).toBeNull();
  });

  it("clones from the gallery, from one's démarche and from the catalogue", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    expect((await browser.get("/admin/modeles")).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Signaler un problème sur l'espace public");
    const fromModel = await browser.post("/admin/modeles", { model: "signalement" });
    const created = Number(/\/admin\/procedures\/(\d+)\?notice=cloned/.exec(location(fromModel))?.[1]);
    expect((await row(created))?.clonedFromModel).toBe("signalement");

    const theirs = await buildDemarche(db, {
      administrateurEmail: "catalogue-theirs@exemple.fr",
      libelle: "Démarche d’ailleurs",
    });
    await browser.get(`/admin/procedures/toutes?q=${encodeURIComponent("d’ailleurs")}`);
    expect(browser.lastHtml).toContain(`/admin/procedures/${theirs.demarche.id}/cloner`);
    await browser.get(`/admin/procedures/${theirs.demarche.id}/cloner`);
    // Another administration's people are not offered.
    expect(browser.lastHtml).not.toContain("clone_instructeurs");
    const tooLong = await browser.post(`/admin/procedures/${theirs.demarche.id}/cloner`, {
      title: "x".repeat(201),
      clone_champs: "on",
    });
    expect(tooLong.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Le titre ne doit pas dépasser 200 caractères.");
    const cloned = await browser.post(`/admin/procedures/${theirs.demarche.id}/cloner`, {
      title: "Ma copie",
      clone_champs: "on",
    });
    const cloneId = Number(/\/admin\/procedures\/(\d+)/.exec(location(cloned))?.[1]);
    expect(await row(cloneId)).toMatchObject({ libelle: "Ma copie", state: "brouillon", parentDemarcheId: theirs.demarche.id });
    expect(admin.email).toBeTruthy();
  });

  it("answers 404 to another administrateur on every lifecycle page and form, and changes nothing", async () => {
    const { db } = server.database;
    const foreign = await buildDemarche(db, { administrateurEmail: "owner-cycle@exemple.fr", libelle: "Démarche d’un autre" });
    const draft = await buildDemarche(db, {
      administrateurEmail: "owner-cycle@exemple.fr",
      libelle: "Brouillon d’un autre",
      published: false,
    });
    const { browser } = await newAdministrateur(server);
    await browser.get("/admin/procedures");
    const csrf = browser.csrf();
    const before = await snapshot(db);
    const page = `/admin/procedures/${foreign.demarche.id}/fermeture`;
    expect((await browser.get(page)).status).toBe(404);
    const attempts: Array<Record<string, string>> = [
      { intent: "close", replacedByDemarcheId: "" },
      { intent: "unpublish" },
      { intent: "closing-date", autoArchiveOn: "2099-01-01" },
      { intent: "discard" },
    ];
    for (const fields of attempts) {
      expect((await browser.post(page, fields, { csrf })).status, JSON.stringify(fields)).toBe(404);
    }
    expect(
      (await browser.post("/admin/procedures/corbeille", { demarcheId: String(foreign.demarche.id) }, { csrf })).status,
    ).toBe(404);
    // A brouillon of another administration is not cloneable (their published one is, above).
    expect((await browser.get(`/admin/procedures/${draft.demarche.id}/cloner`)).status).toBe(404);
    expect((await browser.post(`/admin/procedures/${draft.demarche.id}/cloner`, { clone_champs: "on" }, { csrf })).status).toBe(
      404,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
