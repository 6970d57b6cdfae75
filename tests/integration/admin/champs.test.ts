import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, typesDeChamp } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import type { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, fieldValue, location, newAdministrateur, pageText } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function emptyDemarche() {
  const { browser, admin } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    champs: [],
    instructeurEmails: [],
    published: false,
  });
  const page = `/admin/procedures/${demarche.id}/champs`;
  await browser.get(page);
  return { browser, demarche, page };
}

async function add(browser: HttpSession, page: string, type: string, afterStableId?: number) {
  const response = await browser.post(page, {
    intent: "add",
    type,
    ...(afterStableId ? { afterStableId: String(afterStableId) } : {}),
  });
  expect(location(response)).toMatch(new RegExp(`^${page}#champ-\\d+$`));
  return Number(location(response).split("#champ-")[1]);
}

const update = (browser: HttpSession, page: string, stableId: number, fields: Record<string, string>) =>
  browser.post(page, { intent: "update", stableId: String(stableId), description: "", ...fields });

describe("form editor", () => {
  it("adds text, integer and drop-down fields, each at its place, and edits them", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await emptyDemarche();
    expect(pageText(browser.lastHtml)).toContain("Le formulaire est vide.");
    const text = await add(browser, page, "text");
    const dropDown = await add(browser, page, "drop_down_list");
    const integer = await add(browser, page, "integer_number", text);
    expect((await draftChamps(db, demarche.id)).map((c) => [c.stableId, c.type, c.libelle, c.mandatory])).toEqual([
      [text, "text", "Texte court", true],
      [integer, "integer_number", "Nombre entier", true],
      [dropDown, "drop_down_list", "Choix simple", true],
    ]);

    expect(
      location(
        await update(browser, page, text, {
          libelle: "Nom du projet",
          description: "<p>Un <em>titre</em> court.</p><script>alert(1)</script>",
          mandatory: "on",
        }),
      ),
    ).toBe(`${page}#champ-${text}`);
    await update(browser, page, integer, { libelle: "Montant demandé" });
    const saved = await update(browser, page, dropDown, {
      libelle: "Commune",
      mandatory: "on",
      dropDownOptions: "Paris\r\n\r\n Lyon \nSaint-Étienne\n",
      dropDownOther: "on",
    });
    expect(location(saved)).toBe(`${page}#champ-${dropDown}`);
    const champs = await draftChamps(db, demarche.id);
    expect(champs.map((c) => [c.libelle, c.mandatory])).toEqual([
      ["Nom du projet", true],
      ["Montant demandé", false],
      ["Commune", true],
    ]);
    expect(champs[0]?.description).toBe("<p>Un <em>titre</em> court.</p>");
    expect(champs[2]?.options).toEqual({ options: ["Paris", "Lyon", "Saint-Étienne"], other: true });

    await browser.get(page);
    const html = browser.lastHtml;
    expect(fieldValue(html, `champ-${dropDown}-options`)).toBe("Paris\nLyon\nSaint-Étienne");
    expect(html).toMatch(new RegExp(`id="champ-${dropDown}-other"[^>]*checked`));
    expect(html).toContain(
      '<optgroup label="Structure"><option value="header_section">Titre de section</option><option value="repetition">Bloc répétable</option>',
    );
    // 3 fields of 10 s, the optional one counts half: 25 s, shown as 1 min.
    expect(pageText(html)).toContain("Durée de remplissage estimée : 1 min");
    // Move buttons are disabled at the ends and named with the field.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Monter<span class="fr-sr-only"> le champ « Nom du projet »<\/span>/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Descendre<span class="fr-sr-only"> le champ « Commune »<\/span>/);
  });

  it("refuses invalid options with a precise message and keeps what was typed", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await emptyDemarche();
    const dropDown = await add(browser, page, "drop_down_list");
    const textarea = await add(browser, page, "textarea");
    const before = await draftChamps(db, demarche.id);

    const duplicate = await update(browser, page, dropDown, { libelle: "Ville choisie", dropDownOptions: "Paris\nLyon\nParis" });
    expect(duplicate.status).toBe(400);
    expect(browser.lastHtml).toContain("L’option « Paris » apparaît plusieurs fois");
    expect(browser.lastHtml).toContain(`href="#champ-${dropDown}-options"`);
    expect(fieldValue(browser.lastHtml, `champ-${dropDown}-libelle`)).toBe("Ville choisie");
    expect(fieldValue(browser.lastHtml, `champ-${dropDown}-options`)).toBe("Paris\nLyon\nParis");

    expect((await update(browser, page, dropDown, { libelle: "Ville", dropDownOptions: " \n " })).status).toBe(400);
    expect(browser.lastHtml).toContain("Saisissez au moins une option");
    expect((await update(browser, page, textarea, { libelle: "Projet", characterLimit: "50" })).status).toBe(400);
    expect(browser.lastHtml).toContain("Choisissez une limite entre 400 et 10 000 caractères");
    expect((await update(browser, page, textarea, { libelle: "  " })).status).toBe(400);
    expect(browser.lastHtml).toContain("Saisissez le libellé du champ");
    expect(await draftChamps(db, demarche.id)).toEqual(before);

    await update(browser, page, textarea, { libelle: "Présentation du projet", characterLimit: "1000" });
    expect((await draftChamps(db, demarche.id))[1]?.options).toEqual({ characterLimit: 1000 });
    await update(browser, page, textarea, { libelle: "Présentation du projet", characterLimit: "" });
    expect((await draftChamps(db, demarche.id))[1]?.options).toEqual({});
  });

  it("moves fields up and down, and deletes one after a confirmation step", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await emptyDemarche();
    const a = await add(browser, page, "text");
    const b = await add(browser, page, "header_section");
    const c = await add(browser, page, "yes_no");
    const order = async () => (await draftChamps(db, demarche.id)).map((x) => x.stableId);

    expect(location(await browser.post(page, { intent: "move-down", stableId: String(a) }))).toBe(`${page}#champ-${a}`);
    expect(await order()).toEqual([b, a, c]);
    await browser.post(page, { intent: "move-up", stableId: String(c) });
    expect(await order()).toEqual([b, c, a]);
    await browser.post(page, { intent: "move-up", stableId: String(b) });
    expect(await order()).toEqual([b, c, a]);

    await update(browser, page, b, { libelle: "Votre situation", level: "2" });
    expect((await draftChamps(db, demarche.id))[0]?.options).toEqual({ level: 2 });

    const confirm = await browser.post(page, { intent: "confirm-delete", stableId: String(c) });
    expect(confirm.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Supprimer le champ « Oui/Non » ?");
    expect(browser.lastHtml).toContain('name="intent" value="delete"');
    expect(await order()).toEqual([b, c, a]);
    expect(location(await browser.post(page, { intent: "delete", stableId: String(c) }))).toBe(`${page}#champ-${b}`);
    expect(await order()).toEqual([b, a]);
  });

  it("answers the enhanced page with data instead of redirects", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await emptyDemarche();
    const added = await browser.post(page, { intent: "add", type: "text", _js: "1" });
    expect(added.status).toBe(200);
    const [champ] = await draftChamps(db, demarche.id);
    const saved = await browser.post(page, {
      intent: "update",
      stableId: String(champ?.stableId),
      libelle: "",
      description: "",
      _js: "1",
    });
    expect(saved.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Saisissez le libellé du champ");
  });

  it("edits the draft of a published démarche (copy-on-write) and offers to publish the changes", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, {
      administrateurEmail: admin.email,
      champs: [{ type: "text", libelle: "Nom" }],
    });
    const page = `/admin/procedures/${demarche.id}/champs`;
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Les modifications seront visibles après publication");
    expect(pageText(browser.lastHtml)).not.toContain("Publier les modifications");
    const [champ] = await draftChamps(db, demarche.id);
    await update(browser, page, champ?.stableId as number, { libelle: "Nom de l’association", mandatory: "on" });

    const [row] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    const published = await db
      .select()
      .from(typesDeChamp)
      .where(eq(typesDeChamp.stableId, champ?.stableId as number));
    expect(published.map((t) => t.libelle).sort()).toEqual(["Nom", "Nom de l’association"]);
    expect(row?.publishedRevisionId).toBe(demarche.publishedRevisionId);
    await browser.get(page);
    expect(browser.lastHtml).toContain(`href="/admin/procedures/${demarche.id}/publication"`);
    expect(pageText(browser.lastHtml)).toContain("Publier les modifications");
  });

  it("previews the draft form with the usager's components, disabled", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, {
      administrateurEmail: admin.email,
      published: false,
      champs: [
        { type: "header_section", libelle: "Votre projet" },
        { type: "drop_down_list", libelle: "Commune", options: { options: ["Paris", "Lyon"] } },
      ],
    });
    await browser.get(`/admin/procedures/${demarche.id}/apercu`);
    const html = browser.lastHtml;
    expect(html).toMatch(/<fieldset disabled=""/);
    expect(pageText(html)).toContain("Votre projet");
    expect(pageText(html)).toContain("Commune");
    expect(pageText(html)).toContain("Lyon");
    const preview = html.slice(html.indexOf("<fieldset disabled"), html.indexOf("</main>"));
    expect(preview).toContain('name="champ_');
    expect(preview).not.toContain("<form");
  });
});
