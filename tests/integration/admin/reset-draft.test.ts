/**
 * Discarding the unpublished changes of a published démarche (the reference's reset of the draft
 * revision), without JavaScript: the page lists the changes, the button puts the published form
 * back in the draft (fields, annotations, ineligibility rules) and deletes the field rows only the
 * draft used; a stale list, another administrateur or a never-published démarche change nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, typesDeChamp } from "../../../server/db/schema";
import { champValue, constant, eq as logicEq } from "../../../server/domain/conditions/ast";
import { pendingChanges } from "../../../server/lookups/publication-checks";
import { addChamp } from "../../../server/operations/revisions/add-champ";
import { changeChampType } from "../../../server/operations/revisions/change-champ-type";
import { removeChamp } from "../../../server/operations/revisions/remove-champ";
import { loadRevisionSnapshot } from "../../../server/lookups/revision-snapshot";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import { updateIneligibilite } from "../../../server/operations/revisions/update-ineligibilite";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, location, newAdministrateur, pageText, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheRow(id: number) {
  const [row] = await server.database.db.select().from(demarches).where(eq(demarches.id, id));
  if (!row) throw new Error(`démarche ${id} not found`);
  return row;
}

/** A published démarche whose draft then gets a field added, one renamed, one removed, one re-typed, an annotation and rules. */
async function editedDemarche(options: { published?: boolean } = {}) {
  const { db } = server.database;
  const { admin, administrateurId, browser } = await newAdministrateur(server);
  const built = await buildDemarche(db, {
    administrateurEmail: admin.email,
    published: options.published ?? true,
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "drop_down_list", libelle: "Catégorie", options: { options: ["Sport", "Culture"] } },
      { type: "text", libelle: "Ancienne question" },
      { type: "text", libelle: "Code" },
    ],
  });
  const demarcheId = built.demarche.id;
  const ids = Object.fromEntries((await draftChamps(db, demarcheId)).map((c) => [c.libelle, c.stableId])) as Record<
    string,
    number
  >;
  const added = await addChamp(db, administrateurId, demarcheId, { type: "email" }, "fr");
  const renamed = await updateChamp(db, administrateurId, demarcheId, {
    stableId: ids["Nom du projet"] as number,
    libelle: "Intitulé du projet",
    description: "",
    mandatory: true,
  });
  expect(renamed).toEqual({ ok: true });
  expect((await removeChamp(db, administrateurId, demarcheId, ids["Ancienne question"] as number)).ok).toBe(true);
  expect(
    await changeChampType(db, administrateurId, demarcheId, { stableId: ids.Code as number, type: "integer_number" }, "fr"),
  ).toEqual({
    ok: true,
  });
  await addChamp(db, administrateurId, demarcheId, { type: "text", private: true }, "fr");
  const rules = await updateIneligibilite(db, administrateurId, demarcheId, {
    enabled: true,
    message: "Les projets sportifs relèvent d’une autre démarche.",
    rules: logicEq(champValue(ids.Catégorie as number), constant("Sport")),
  });
  expect(rules.ok).toBe(true);
  return { db, administrateurId, browser, demarcheId, added, page: `/admin/procedures/${demarcheId}/annuler-modifications` };
}

describe("discarding the unpublished changes", () => {
  it("lists the changes, then puts the published form back in the draft", async () => {
    const { db, browser, demarcheId, added, page } = await editedDemarche();
    const before = await demarcheRow(demarcheId);
    const publishedBefore = await loadRevisionSnapshot(db, before.publishedRevisionId as number);

    // The editor offers it, and the page lists what will be discarded.
    await browser.get(`/admin/procedures/${demarcheId}/champs`);
    expect(browser.lastHtml).toContain(`href="${page}"`);
    expect((await browser.get(page)).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Annuler les modifications non publiées");
    expect(text).toContain("Le champ « Adresse électronique » a été ajouté.");
    expect(text).toContain("Le libellé du champ « Nom du projet » a été changé en « Intitulé du projet ».");
    expect(text).toContain("Le champ « Ancienne question » a été supprimé.");
    expect(text).toContain("Les critères d’inéligibilité ont été activés.");

    const response = await browser.post(page, { changes: fingerprintOf(browser.lastHtml) });
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`/admin/procedures/${demarcheId}/champs?notice=draft_reset`);
    const after = await demarcheRow(demarcheId);
    expect(await pendingChanges(db, after)).toEqual([]);
    expect(after.draftRevisionId).toBe(before.draftRevisionId);
    expect(after.publishedRevisionId).toBe(before.publishedRevisionId);
    // The published form did not change; the draft reads as it again, annotations and rules included.
    expect(await loadRevisionSnapshot(db, after.publishedRevisionId as number)).toEqual(publishedBefore);
    expect(await loadRevisionSnapshot(db, after.draftRevisionId as number)).toEqual(publishedBefore);
    // The rows only the draft used are gone (the added field, the copies made on write).
    const addedRows = await db.select().from(typesDeChamp).where(eq(typesDeChamp.stableId, added.stableId));
    expect(addedRows).toEqual([]);

    await browser.get(location(response));
    expect(pageText(browser.lastHtml)).toContain("Les modifications non publiées ont été annulées");
    expect(browser.lastHtml).not.toContain(`href="${page}"`);
    // Nothing left to discard.
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire n’a aucune modification non publiée.");
  });

  it("discards nothing when the draft changed after the list was shown", async () => {
    const { db, administrateurId, browser, demarcheId, page } = await editedDemarche();
    await browser.get(page);
    const shown = fingerprintOf(browser.lastHtml);
    // Another administrateur (or tab) edits the draft meanwhile.
    await addChamp(db, administrateurId, demarcheId, { type: "date" }, "fr");
    const before = await snapshot(db);
    const response = await browser.post(page, { changes: shown });
    expect(response.status).toBe(409);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire a été modifié entre-temps, rien n’a été annulé.");
    // The page shows the list as it is now.
    expect(pageText(browser.lastHtml)).toContain("Le champ « Date » a été ajouté.");
    expect(await snapshot(db)).toEqual(before);
  });

  it("gives 404 to another administrateur, for the page and the button, and changes nothing", async () => {
    const { db, demarcheId, page, browser } = await editedDemarche();
    await browser.get(page);
    const fingerprint = fingerprintOf(browser.lastHtml);
    const other = await newAdministrateur(server);
    expect((await other.browser.get(page)).status).toBe(404);
    await other.browser.get("/admin/procedures");
    const before = await snapshot(db);
    expect((await other.browser.post(page, { changes: fingerprint })).status).toBe(404);
    expect(await snapshot(db)).toEqual(before);
    expect((await pendingChanges(db, await demarcheRow(demarcheId))).length).toBeGreaterThan(0);
  });

  it("has nothing to discard on a démarche never published", async () => {
    const { db, browser, demarcheId, page } = await editedDemarche({ published: false });
    await browser.get(`/admin/procedures/${demarcheId}/champs`);
    expect(browser.lastHtml).not.toContain(`href="${page}"`);
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain("Le formulaire n’a aucune modification non publiée.");
    const before = await snapshot(db);
    const response = await browser.post(page, { changes: "0000000000000000" });
    expect(response.status).toBe(409);
    expect(pageText(browser.lastHtml)).toContain("La démarche n’a jamais été publiée");
    expect(await snapshot(db)).toEqual(before);
  });
});

function fingerprintOf(html: string): string {
  const match = /name="changes" value="([0-9a-f]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no fingerprint on the page");
  return match[1];
}
