/** The instructeur's démarches list and tabs, through HTTP as a browser without JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { saveChamps } from "../../../server/operations/dossiers/save-champs";
import { startDossier } from "../../../server/operations/dossiers/start-dossier";
import { submitDossier } from "../../../server/operations/dossiers/submit-dossier";
import { updateIdentity } from "../../../server/operations/dossiers/update-identity";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, listedDossierIds, pageText, signedIn, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let colleague: Actor;
let demarcheId: number;
let otherDemarcheId: number;
let foreignDemarcheId: number;
let testDemarcheId: number;
const ids = {
  brouillon: 0,
  aSuivre: 0,
  suiviParMoi: 0,
  instructionCollegue: 0,
  instructionMoi: 0,
  accepte: 0,
  refuse: 0,
  sansSuite: 0,
  other: 0,
  testDossier: 0,
};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, {
    libelle: "Subvention aux associations sportives",
    instructeurEmails: ["moi@exemple.fr", "collegue@exemple.fr"],
  });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  colleague = asActor(built.instructeurs[1] as never);
  const demarche = built.demarche;

  ids.brouillon = (await buildDossier(db, { demarche, state: "brouillon" })).dossierId;
  ids.aSuivre = (
    await buildDossier(db, { demarche, state: "en_construction", identity: { civilite: "M.", nom: "Martin", prenom: "Louis" } })
  ).dossierId;
  ids.suiviParMoi = (await buildDossier(db, { demarche, state: "en_construction" })).dossierId;
  await followDossier(db, me.instructeurId, ids.suiviParMoi, true);
  ids.instructionCollegue = (await buildDossier(db, { demarche, state: "en_instruction", instructeur: colleague })).dossierId;
  ids.instructionMoi = (await buildDossier(db, { demarche, state: "en_instruction", instructeur: me })).dossierId;
  ids.accepte = (await buildDossier(db, { demarche, state: "accepte", instructeur: me })).dossierId;
  ids.refuse = (await buildDossier(db, { demarche, state: "refuse", instructeur: colleague })).dossierId;
  ids.sansSuite = (await buildDossier(db, { demarche, state: "sans_suite", instructeur: me })).dossierId;

  // A second démarche of mine, and one of someone else.
  const other = await buildDemarche(db, { libelle: "Carte de stationnement", instructeurEmails: ["moi@exemple.fr"] });
  otherDemarcheId = other.demarche.id;
  ids.other = (await buildDossier(db, { demarche: other.demarche, state: "en_construction" })).dossierId;
  const foreign = await buildDemarche(db, { libelle: "Démarche d’un autre service", instructeurEmails: ["autre@exemple.fr"] });
  foreignDemarcheId = foreign.demarche.id;
  await buildDossier(db, { demarche: foreign.demarche, state: "en_construction" });

  // A démarche in test with a submitted test dossier: never shown to instructeurs.
  const inTest = await buildDemarche(db, {
    libelle: "Démarche en test",
    instructeurEmails: ["moi@exemple.fr"],
    published: false,
  });
  testDemarcheId = inTest.demarche.id;
  const tester = await buildUser(db);
  const { dossierId } = await startDossier(db, tester.userId, { path: inTest.demarche.path as string, test: true });
  await updateIdentity(db, tester.userId, dossierId, { civilite: "Mme", nom: "Test", prenom: "Test" });
  const [champ] = await loadRevisionChamps(db, inTest.demarche.draftRevisionId as number);
  await saveChamps(db, tester.userId, dossierId, (name) =>
    name === champInputName(champ?.stableId as number) ? "Essai" : undefined,
  );
  const submitted = await submitDossier(db, tester.userId, dossierId);
  if (!submitted.ok) throw new Error(`test dossier not submitted: ${JSON.stringify(submitted)}`);
  ids.testDossier = dossierId;
});
afterAll(() => server?.stop());

function counterCells(html: string, id: number) {
  const row = html.match(new RegExp(`<tr data-demarche-id="${id}"[\\s\\S]*?</tr>`))?.[0];
  if (!row) return null;
  const value = (tab: string) => Number(row.match(new RegExp(`data-tab="${tab}"><a [^>]*>(\\d+)</a>`))?.[1]);
  return { "a-suivre": value("a-suivre"), suivis: value("suivis"), traites: value("traites"), tous: value("tous") };
}

function tabCounters(html: string) {
  const value = (tab: string) =>
    Number(html.match(new RegExp(`statut=${tab}"[^>]*>(?:(?!</a>)[\\s\\S])*?<span class="fr-badge[^"]*">(\\d+)</span>`))?.[1]);
  return { "a-suivre": value("a-suivre"), suivis: value("suivis"), traites: value("traites"), tous: value("tous") };
}

describe("/procedures", () => {
  it("lists the démarches I instruct with their counters, and no other", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get("/procedures");
    expect(response.status).toBe(200);
    const html = browser.lastHtml;
    expect(html).toContain("Subvention aux associations sportives");
    expect(html).toContain("Carte de stationnement");
    expect(html).not.toContain("Démarche d’un autre service");
    expect(html).toContain("<caption>");
    expect(counterCells(html, demarcheId)).toEqual({ "a-suivre": 1, suivis: 2, traites: 3, tous: 7 });
    expect(counterCells(html, otherDemarcheId)).toEqual({ "a-suivre": 1, suivis: 0, traites: 0, tous: 1 });
    // The test dossier of a démarche in test is not counted.
    expect(counterCells(html, testDemarcheId)).toEqual({ "a-suivre": 0, suivis: 0, traites: 0, tous: 0 });
    expect(counterCells(html, foreignDemarcheId)).toBeNull();
  });

  it("counts per instructeur: my colleague's suivis are not mine", async () => {
    const browser = await signedIn(server, colleague.email);
    await browser.get("/procedures");
    expect(counterCells(browser.lastHtml, demarcheId)).toEqual({ "a-suivre": 1, suivis: 1, traites: 3, tous: 7 });
  });

  it("sends an anonymous visitor to sign in, and answers 404 to a user without the instructeur profile", async () => {
    const anonymous = new HttpSession(server.url);
    const response = await anonymous.get("/procedures");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/users/sign_in?redirect_to=%2Fprocedures");
    const tab = await anonymous.get(`/procedures/${demarcheId}?statut=tous`);
    expect(tab.status).toBe(302);
    expect(tab.headers.get("location")).toBe(
      `/users/sign_in?redirect_to=${encodeURIComponent(`/procedures/${demarcheId}?statut=tous`)}`,
    );

    const usager = await buildUser(server.database.db);
    const browser = await signedIn(server, usager.email);
    expect((await browser.get("/procedures")).status).toBe(404);
    expect((await browser.get(`/procedures/${demarcheId}`)).status).toBe(404);
  });
});

describe("/procedures/:id tabs", () => {
  it("opens on « à suivre »: en cours dossiers followed by nobody", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get(`/procedures/${demarcheId}`);
    expect(response.status).toBe(200);
    const html = browser.lastHtml;
    expect(listedDossierIds(html)).toEqual([ids.aSuivre]);
    expect(html).toMatch(/<a class="fr-tabs__tab" href="\/procedures\/\d+\?statut=a-suivre" aria-current="page">/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(tabCounters(html)).toEqual({ "a-suivre": 1, suivis: 2, traites: 3, tous: 7 });
    const text = pageText(html);
    expect(text).toContain("M. Martin Louis");
    expect(text).toContain("En construction");
    expect(html).toContain(`href="/procedures/${demarcheId}/dossiers/${ids.aSuivre}"`);
  });

  it.each([
    ["suivis", () => [ids.suiviParMoi, ids.instructionMoi]],
    ["traites", () => [ids.accepte, ids.refuse, ids.sansSuite]],
    [
      "tous",
      () => [ids.aSuivre, ids.suiviParMoi, ids.instructionCollegue, ids.instructionMoi, ids.accepte, ids.refuse, ids.sansSuite],
    ],
    ["a-suivre", () => [ids.aSuivre]],
  ])("tab %s lists exactly its dossiers, most recently updated first", async (tab, expected) => {
    const browser = await signedIn(server, me.email);
    expect((await browser.get(`/procedures/${demarcheId}?statut=${tab}`)).status).toBe(200);
    const listed = listedDossierIds(browser.lastHtml);
    expect([...listed].sort((a, b) => a - b)).toEqual([...expected()].sort((a, b) => a - b));
    // Each dossier was updated after the previous one was built: newest first is the reverse order.
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(browser.lastHtml).toMatch(new RegExp(`href="/procedures/\\d+\\?statut=${tab}" aria-current="page"`));
    expect(listed).not.toContain(ids.brouillon);
    expect(listed).not.toContain(ids.other);
  });

  it("answers 404 for a démarche I am not on, and for a malformed id", async () => {
    const browser = await signedIn(server, me.email);
    expect((await browser.get(`/procedures/${foreignDemarcheId}`)).status).toBe(404);
    expect((await browser.get(`/procedures/${foreignDemarcheId}?statut=tous`)).status).toBe(404);
    expect((await browser.get("/procedures/abc")).status).toBe(404);
    expect((await browser.get("/procedures/999999")).status).toBe(404);
  });

  it("pages 50 dossiers at a time with keyset links both ways", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { libelle: "Grande démarche", instructeurEmails: ["moi@exemple.fr"] });
    const created: number[] = [];
    for (let i = 0; i < 53; i++)
      created.push((await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId);
    const newestFirst = [...created].reverse();
    const browser = await signedIn(server, me.email);

    await browser.get(`/procedures/${built.demarche.id}?statut=tous`);
    expect(listedDossierIds(browser.lastHtml)).toEqual(newestFirst.slice(0, 50));
    expect(pageText(browser.lastHtml)).not.toContain("Page précédente");
    const next = browser.lastHtml.match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toMatch(/statut=tous&cursor=/);

    await browser.get(next as string);
    expect(listedDossierIds(browser.lastHtml)).toEqual(newestFirst.slice(50));
    expect(browser.lastHtml).not.toContain('rel="next"');
    const previous = browser.lastHtml.match(/href="([^"]+)" rel="prev"/)?.[1]?.replace(/&amp;/g, "&");
    expect(previous).toBeTruthy();

    await browser.get(previous as string);
    expect(listedDossierIds(browser.lastHtml)).toEqual(newestFirst.slice(0, 50));
    expect(browser.lastHtml).not.toContain('rel="prev"');
    expect(browser.lastHtml).toContain('rel="next"');

    // A forged cursor is read as the first page, never as an error.
    expect((await browser.get(`/procedures/${built.demarche.id}?statut=tous&cursor=%3Cscript%3E`)).status).toBe(200);
    expect(listedDossierIds(browser.lastHtml)).toEqual(newestFirst.slice(0, 50));
  }, 180_000);
});
