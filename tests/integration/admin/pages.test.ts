/**
 * Structure every administrateur page must have (the browser tests run axe on them too): one h1,
 * a <title>, the DSFR breadcrumb, unique ids, a label for every field, and valid ARIA references.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche } from "../../../server/seed/factories";
import type { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, newAdministrateur, pageText } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

function checkStructure(html: string, where: string) {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  expect(main.match(/<h1[\s>]/g)?.length ?? 0, `${where}: one h1`).toBe(1);
  expect(html, `${where}: title`).toMatch(/<title>[^<]+ – Guichet<\/title>/);
  expect(main, `${where}: breadcrumb`).toMatch(/<nav class="fr-breadcrumb" aria-label="[^"]+">/);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  expect(duplicates, `${where}: duplicate ids`).toEqual([]);
  for (const [tag] of main.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(tag)) continue;
    const id = tag.match(/\sid="([^"]+)"/)?.[1];
    expect(id, `${where}: field without id ${tag}`).toBeTruthy();
    expect(main, `${where}: no label for #${id}`).toContain(`for="${id}"`);
  }
  for (const [, refs] of main.matchAll(/aria-(?:describedby|labelledby|controls)="([^"]+)"/g)) {
    for (const ref of (refs as string).split(" ")) expect(ids, `${where}: aria reference to missing #${ref}`).toContain(ref);
  }
  for (const [button] of main.matchAll(/<button\b[^>]*>[\s\S]*?<\/button>/g)) {
    expect(pageText(button).trim(), `${where}: button without a name ${button}`).not.toBe("");
  }
}

async function visit(browser: HttpSession, path: string, status = 200) {
  const response = await browser.get(path);
  expect(response.status, path).toBe(status);
  checkStructure(browser.lastHtml, path);
}

describe("administrateur pages", () => {
  it("all have one h1, a title, a breadcrumb, unique ids and labelled fields", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const inTest = await buildDemarche(db, {
      administrateurEmail: admin.email,
      published: false,
      champs: [
        { type: "header_section", libelle: "Identité" },
        { type: "text", libelle: "Nom" },
        { type: "textarea", libelle: "Projet", options: { characterLimit: 1000 } },
        { type: "integer_number", libelle: "Montant", mandatory: false },
        { type: "date", libelle: "Date de début" },
        { type: "yes_no", libelle: "Déjà aidé ?" },
        { type: "drop_down_list", libelle: "Commune", options: { options: ["Paris", "Lyon"], other: true } },
      ],
    });
    const published = await buildDemarche(db, { administrateurEmail: admin.email, libelle: "Démarche publiée" });
    const t = `/admin/procedures/${inTest.demarche.id}`;
    const p = `/admin/procedures/${published.demarche.id}`;
    for (const path of [
      "/admin/procedures",
      "/admin/procedures?statut=en-test",
      "/admin/procedures?statut=closes",
      "/admin/procedures/new",
    ]) {
      await visit(browser, path);
    }
    for (const base of [t, p]) {
      for (const sub of ["", "/edit", "/champs", "/instructeurs", "/apercu", "/publication", "/ineligibilite"])
        await visit(browser, `${base}${sub}`);
    }
    const champs = await draftChamps(db, inTest.demarche.id);
    expect(pageText(browser.lastHtml)).toContain("Démarche publiée");

    // Pages re-rendered by a form: errors, confirmations.
    await browser.get(`${t}/champs`);
    await browser.post(`${t}/champs`, {
      intent: "update",
      stableId: String(champs[6]?.stableId),
      libelle: "",
      description: "",
      dropDownOptions: "",
    });
    checkStructure(browser.lastHtml, "champs with errors");
    await browser.post(`${t}/champs`, { intent: "confirm-delete", stableId: String(champs[1]?.stableId) });
    checkStructure(browser.lastHtml, "champs delete confirmation");
    await browser.get(`${p}/instructeurs`);
    await browser.post(`${p}/instructeurs`, { intent: "add", emails: "pas-valide" });
    checkStructure(browser.lastHtml, "instructeurs with errors");
    await browser.post(`${p}/publication`, { intent: "confirm-close" });
    checkStructure(browser.lastHtml, "close confirmation");
    await browser.get("/admin/procedures/new");
    await browser.post("/admin/procedures/new", { libelle: "", description: "", dureeConservation: "0" });
    checkStructure(browser.lastHtml, "new with errors");
    await visit(browser, `${t}/publication?publiee=1`);
  });

  it("speaks English when the visitor chose it", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    await browser.get("/admin/procedures");
    await browser.post("/langue", { locale: "en", redirect_to: "/admin/procedures" });
    await browser.get(`/admin/procedures/${demarche.id}/champs`);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Applicant form");
    expect(text).toContain("Add a field");
    expect(text).toContain("Move up");
    expect(browser.lastHtml).toContain('<optgroup label="Standard">');
    await browser.get(`/admin/procedures/${demarche.id}/publication`);
    expect(pageText(browser.lastHtml)).toContain("I understand that test files will be deleted");
  });
});
