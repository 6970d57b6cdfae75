/**
 * « Confier le dossier à un autre groupe » on a démarche with many groupes: the first 50 open
 * groupes are listed, a search (GET, without JavaScript too) narrows them, `%` and `_` match
 * literally, and a search matching nothing says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupesInstructeurs } from "../../../server/db/schema";
import { GROUPE_CHOICES_LIMIT, loadDossierGroupe } from "../../../server/queries/instructeur/dossier-groupe";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

async function manyGroupes() {
  const { db } = server.database;
  const built = await buildDemarche(db);
  const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
  const labels = [
    ...Array.from({ length: 70 }, (_, i) => `Commune ${String(i + 1).padStart(3, "0")}`),
    "Nord 59",
    "Taux 100%",
    "Fermé",
  ];
  await db
    .insert(groupesInstructeurs)
    .values(labels.map((label) => ({ demarcheId: built.demarche.id, label, closed: label === "Fermé" })));
  return { built, dossierId };
}

describe("the groupe choice of the instructeur's dossier page", () => {
  it("lists the first 50 open groupes, and a search narrows them", async () => {
    const { db } = server.database;
    const { built, dossierId } = await manyGroupes();
    const dossier = { id: dossierId, demarcheId: built.demarche.id, groupeInstructeurId: null, state: "en_construction" };
    const all = await loadDossierGroupe(db, dossier);
    expect(all.choices).toHaveLength(GROUPE_CHOICES_LIMIT);
    expect(all.choicesTruncated).toBe(true);
    const nord = await loadDossierGroupe(db, dossier, "nord");
    expect(nord.choices.map((c) => c.label)).toEqual(["Nord 59"]);
    expect(nord.choicesTruncated).toBe(false);
    // `%` is a character here, not a wildcard; closed groupes are never offered.
    expect((await loadDossierGroupe(db, dossier, "0%")).choices.map((c) => c.label)).toEqual(["Taux 100%"]);
    expect((await loadDossierGroupe(db, dossier, "Fermé")).choices).toEqual([]);
  });

  it("offers the search on the page, without JavaScript, and says when nothing matches", async () => {
    const { built, dossierId } = await manyGroupes();
    const instructeur = built.instructeurs[0];
    if (!instructeur) throw new Error("no instructeur");
    const browser = await signedIn(server, instructeur.email);
    const page = `/procedures/${built.demarche.id}/dossiers/${dossierId}`;
    expect((await browser.get(page)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Seuls les 50 premiers groupes sont listés");
    expect(browser.lastHtml).toContain('name="groupe_q"');

    expect((await browser.get(`${page}?groupe_q=059`)).status).toBe(200);
    expect(browser.lastHtml).not.toContain(">Commune 001<");
    expect(pageText(browser.lastHtml)).toContain("Commune 059");
    expect((await browser.get(`${page}?groupe_q=inconnu`)).status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Aucun groupe ouvert ne contient « inconnu ».");
  });
});
