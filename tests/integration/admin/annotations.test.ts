/**
 * The annotations privées editor (/admin/procedures/:id/annotations) through HTTP without
 * JavaScript: the same engine as the usager's form, on the other list. Fields added there are
 * private (optional by default), never part of the usager's form, and each page only acts on its
 * own list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { dossiers } from "../../../server/db/schema";
import { publishDemarche } from "../../../server/operations/demarches/publish-demarche";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, location, newAdministrateur, pageText, snapshot } from "./helpers";
import type { HttpSession } from "../../support/http-session";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheWithForm(published = false) {
  const { browser, admin, administrateurId } = await newAdministrateur(server);
  const { demarche, path } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    champs: [{ type: "text", libelle: "Nom du projet" }],
    published,
  });
  const page = `/admin/procedures/${demarche.id}/annotations`;
  await browser.get(page);
  return { browser, demarche, page, path, administrateurId };
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

const annotations = async (demarche: { draftRevisionId: number | null }) =>
  (await loadRevisionChamps(server.database.db, demarche.draftRevisionId as number, { private: true })).map((c) => [
    c.stableId,
    c.type,
    c.libelle,
    c.mandatory,
  ]);

describe("annotations privées editor", () => {
  it("adds, edits, moves and deletes annotations, none of which reaches the usager's form", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await demarcheWithForm();
    const html = browser.lastHtml;
    expect(html).toMatch(/<h1[^>]*>Annotations privées<\/h1>/);
    expect(pageText(html)).toContain("Aucune annotation privée. Ajoutez un premier champ ci-dessous.");
    expect(pageText(html)).toContain("L’usager ne les voit pas.");
    expect(html).toMatch(new RegExp(`href="${page}" aria-current="page"`));
    expect(html).toContain(`href="/admin/procedures/${demarche.id}/champs"`);
    const publicBefore = await draftChamps(db, demarche.id);

    const text = await add(browser, page, "text");
    const integer = await add(browser, page, "integer_number");
    const yesNo = await add(browser, page, "yes_no", text);
    // Annotations are optional when created, as the reference does.
    expect(await annotations(demarche)).toEqual([
      [text, "text", "Texte court", false],
      [yesNo, "yes_no", "Oui/Non", false],
      [integer, "integer_number", "Nombre entier", false],
    ]);

    expect(location(await update(browser, page, text, { libelle: "Avis de l’instructeur", mandatory: "on" }))).toBe(
      `${page}#champ-${text}`,
    );
    await update(browser, page, integer, { libelle: "Montant accordé" });
    expect(location(await browser.post(page, { intent: "move-up", stableId: String(integer) }))).toBe(`${page}#champ-${integer}`);
    expect(await annotations(demarche)).toEqual([
      [text, "text", "Avis de l’instructeur", true],
      [integer, "integer_number", "Montant accordé", false],
      [yesNo, "yes_no", "Oui/Non", false],
    ]);

    const confirm = await browser.post(page, { intent: "confirm-delete", stableId: String(yesNo) });
    expect(confirm.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Supprimer le champ « Oui/Non » ?");
    // The confirmation's cancel link and the delete form stay on the annotations page.
    expect(browser.lastHtml).toContain(`href="${page}#champ-${yesNo}"`);
    expect(location(await browser.post(page, { intent: "delete", stableId: String(yesNo) }))).toBe(`${page}#champ-${integer}`);
    expect((await annotations(demarche)).map((a) => a[0])).toEqual([text, integer]);

    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Annotations privées (2)");
    expect(pageText(browser.lastHtml)).toContain("Ajouter une annotation à la fin de la liste");
    expect(pageText(browser.lastHtml)).not.toContain("à la fin du formulaire");
    // The usager's form is untouched: not in the list, not on its editor, not in the preview.
    expect(await draftChamps(db, demarche.id)).toEqual(publicBefore);
    for (const other of ["champs", "apercu"]) {
      await browser.get(`/admin/procedures/${demarche.id}/${other}`);
      expect(browser.lastHtml).not.toContain("Avis de l’instructeur");
      expect(browser.lastHtml).not.toContain(`champ-${text}`);
    }
    // The overview counts them and links to the editor.
    await browser.get(`/admin/procedures/${demarche.id}`);
    expect(pageText(browser.lastHtml)).toContain("Annotations privées : 2.");
    expect(browser.lastHtml).toContain(`href="${page}"`);
  });

  it("acts only on its own list: a field of the other list is not found there, and nothing changes", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await demarcheWithForm();
    const annotation = await add(browser, page, "text");
    const [publicField] = await draftChamps(db, demarche.id);
    const publicPage = `/admin/procedures/${demarche.id}/champs`;
    const before = await snapshot(db);
    for (const intent of ["update", "move-up", "move-down", "confirm-delete", "delete"]) {
      await browser.get(page);
      expect((await browser.post(page, { intent, stableId: String(publicField?.stableId), libelle: "Piraté" })).status).toBe(404);
      await browser.get(publicPage);
      expect((await browser.post(publicPage, { intent, stableId: String(annotation), libelle: "Piraté" })).status).toBe(404);
    }
    // Adding after a field of the other list is refused too.
    await browser.get(page);
    expect((await browser.post(page, { intent: "add", type: "text", afterStableId: String(publicField?.stableId) })).status).toBe(
      404,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it("is a 404 for another administrateur, GET and POST, and nothing changes", async () => {
    const { db } = server.database;
    const { demarche, page } = await demarcheWithForm();
    const { browser: other } = await newAdministrateur(server);
    const before = await snapshot(db);
    expect((await other.get(page)).status).toBe(404);
    await other.get("/admin/procedures");
    expect((await other.post(page, { intent: "add", type: "text" })).status).toBe(404);
    expect(await snapshot(db)).toEqual(before);
    expect(await annotations(demarche)).toEqual([]);
  });

  it("on a published démarche, edits the draft; publication brings the annotation to the dossiers in progress", async () => {
    const { db } = server.database;
    const { browser, demarche, page, path, administrateurId } = await demarcheWithForm(true);
    const { dossierId } = await buildDossier(db, { demarche: { id: demarche.id, path }, state: "en_construction" });
    expect(pageText(browser.lastHtml)).toContain("Les modifications seront visibles après publication");
    const annotation = await add(browser, page, "text");
    await update(browser, page, annotation, { libelle: "Référence interne" });
    await browser.get(page);
    expect(browser.lastHtml).toContain(`href="/admin/procedures/${demarche.id}/publication"`);

    const published = await publishDemarche(db, administrateurId, demarche.id, { path: path as string });
    expect(published.ok).toBe(true);
    const [moved] = await db.select({ revisionId: dossiers.revisionId }).from(dossiers).where(eq(dossiers.id, dossierId));
    const fields = await loadRevisionChamps(db, moved?.revisionId as number, { private: true });
    expect(fields.map((f) => [f.stableId, f.libelle])).toEqual([[annotation, "Référence interne"]]);
    expect((await loadRevisionChamps(db, moved?.revisionId as number)).map((f) => f.libelle)).toEqual(["Nom du projet"]);
  });
});
