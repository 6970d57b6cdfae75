/**
 * Export template pages over HTTP, without JavaScript: create a tabular template (columns ordered
 * by their numbers, custom header), see it listed and previewed, a refused zip template shown again
 * with its message and what was typed, export with the template from the form, delete; an
 * instructeur of another groupe gets 404 on the template's page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exports, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { signedIn } from "../instructeur/helpers";

let server: TestServer;
let storageDir: string;
let demarcheId: number;
let instructeurEmail: string;
let outsiderEmail: string;

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-templates-http-"));
  server = await startTestServer({ storage: { backend: "local", dir: storageDir } });
  const { db } = server.database;
  const built = await buildDemarche(db, { champs: [{ type: "integer_number", libelle: "Montant" }] });
  demarcheId = built.demarche.id;
  instructeurEmail = built.instructeurs[0]?.email as string;
  await buildDossier(db, { demarche: built.demarche, state: "en_construction", values: { Montant: "1500" } });
  const [other] = await db.insert(groupesInstructeurs).values({ demarcheId, label: "Autre groupe" }).returning();
  const outsider = await buildUser(db, ["instructeur"]);
  await db
    .insert(groupeInstructeurMembers)
    .values({ groupeInstructeurId: other?.id as number, instructeurId: outsider.instructeurId as number });
  outsiderEmail = outsider.email;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

describe("export template pages", () => {
  it("creates, previews, uses and deletes a template; refusals keep what was typed; other groupes get 404", async () => {
    const browser = await signedIn(server, instructeurEmail);
    const list = await browser.get(`/procedures/${demarcheId}/modeles-export`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('data-testid="templates-empty"');

    const form = await browser.get(`/procedures/${demarcheId}/modeles-export/nouveau?type=xlsx`);
    const html = await form.text();
    const montant = /<input[^>]*value="(field\/\d+)"[^>]*name="col"|<input[^>]*name="col"[^>]*value="(field\/\d+)"/
      .exec(html)
      ?.slice(1)
      .find(Boolean) as string;
    const groupe = /<option value="(\d+)"/.exec(html)?.[1] as string;
    const created = await browser.post(`/procedures/${demarcheId}/modeles-export/nouveau?type=xlsx`, {
      type: "xlsx",
      name: "Commission",
      groupe,
      colonne: ["dossier/number", montant],
      col: ["dossier/number", montant],
      "ordre:dossier/number": "2",
      [`ordre:${montant}`]: "1",
      [`entete:${montant}`]: "Somme demandée",
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("location") as string;
    const templateId = Number(/modeles-export\/(\d+)/.exec(location)?.[1]);
    const page = await (await browser.get(location)).text();
    expect(page).toContain("Le modèle a été enregistré.");
    expect(page).toMatch(/<th scope="col">Somme demandée<\/th><th scope="col">N° dossier<\/th>/);
    expect(page).toContain("<td>1500</td>");

    const zipForm = await (await browser.get(`/procedures/${demarcheId}/modeles-export/nouveau?type=zip`)).text();
    expect(zipForm).toContain('name="folder"');
    const refused = await browser.post(`/procedures/${demarcheId}/modeles-export/nouveau?type=zip`, {
      type: "zip",
      name: "Archive",
      groupe,
      folder: "sans numéro",
      element: ["dossier"],
      item: ["dossier"],
      "nom:dossier": "donnees",
    });
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Le nom du dossier doit contenir la balise --numéro du dossier--");
    expect(refusedHtml).toContain('value="sans numéro"');
    expect(refusedHtml).toContain('aria-describedby="template-folder-error"');

    // The export form offers the template; the export takes its format.
    const exportsPage = await (await browser.get(`/procedures/${demarcheId}/exports`)).text();
    expect(exportsPage).toContain(`<option value="${templateId}">Commission (XLSX)</option>`);
    const requested = await browser.post(`/procedures/${demarcheId}/exports`, {
      format: "csv",
      statut: "tous",
      modele: String(templateId),
    });
    expect(requested.status).toBe(302);
    const [row] = await server.database.db.select().from(exports);
    expect(row?.format).toBe("xlsx");
    expect(((row?.scope ?? {}) as { modele?: { id: number } }).modele?.id).toBe(templateId);

    const outsider = await signedIn(server, outsiderEmail);
    expect((await outsider.get(`/procedures/${demarcheId}/modeles-export/${templateId}`)).status).toBe(404);
    await outsider.get(`/procedures/${demarcheId}/modeles-export`);
    const stolen = await outsider.post(`/procedures/${demarcheId}/modeles-export/${templateId}`, { intent: "delete" });
    expect(stolen.status).toBe(404);
    expect(await (await outsider.get(`/procedures/${demarcheId}/modeles-export`)).text()).not.toContain("Commission");

    await browser.get(`/procedures/${demarcheId}/modeles-export/${templateId}`);
    const deleted = await browser.post(`/procedures/${demarcheId}/modeles-export/${templateId}`, { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(await (await browser.get(deleted.headers.get("location") as string)).text()).toContain(
      "Le modèle « Commission » a été supprimé.",
    );
  });
});
