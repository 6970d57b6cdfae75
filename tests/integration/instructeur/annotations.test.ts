/**
 * Annotations privées through HTTP, as a browser without JavaScript: the instructeurs of the
 * dossier's groupe fill them on the dossier page (strict per type, errors per field, what was typed
 * kept); anyone else gets 404 and nothing changes; the usager never sees them, not even in the
 * data the page carries for hydration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champInputName } from "../../../server/domain/champs/validate-dossier";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { fieldValue, location } from "../admin/helpers";
import { startTestServer, type TestServer } from "../../support/server";
import { buildDemarcheWithAnnotations, dossierDates, storedValues } from "./annotations-helpers";
import { asActor, pageText, signedIn, snapshot } from "./helpers";

let server: TestServer;
let demarcheId: number;
let demarchePath: string;
let otherDemarcheId: number;
let ids: Record<string, number>;
let projetId: number;
let owner: { userId: number; email: string };
let enConstruction: number;
let enInstruction: number;
let brouillon: number;
const titulaire = "titulaire-annotations@exemple.fr";
const collegue = "collegue-annotations@exemple.fr";
let outsiderEmail: string;

const MONTANT = "Montant accordé";
const DATE = "Date de la commission";
const AVIS = "Avis du service";
const NOTE = "Note interne confidentielle";
const PIECES = "Pièces contrôlées";
const PIECE = "Pièce";

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarcheWithAnnotations(db, {
    libelle: "Démarche annotée",
    champs: [{ type: "text", libelle: "Nom du projet" }],
    annotations: [
      { type: "integer_number", libelle: MONTANT, mandatory: false },
      { type: "date", libelle: DATE, mandatory: false },
      {
        type: "drop_down_list",
        libelle: AVIS,
        options: { options: ["Favorable", "Défavorable"], other: false },
        mandatory: false,
      },
      { type: "text", libelle: NOTE, mandatory: true },
      {
        type: "repetition",
        libelle: PIECES,
        mandatory: false,
        children: [{ type: "text", libelle: PIECE, mandatory: false }],
      },
    ],
    instructeurEmails: [titulaire, collegue],
  });
  demarcheId = built.demarche.id;
  demarchePath = built.path;
  ids = built.annotationIds;
  const publicFields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  projetId = publicFields[0]?.stableId as number;
  owner = await buildUser(db, [], "usager-annote@exemple.fr");
  const demarche = { id: demarcheId, path: built.path };
  enConstruction = (await buildDossier(db, { demarche, usager: owner, state: "en_construction" })).dossierId;
  enInstruction = (await buildDossier(db, { demarche, usager: owner, state: "en_instruction" })).dossierId;
  brouillon = (await buildDossier(db, { demarche, usager: owner, state: "brouillon" })).dossierId;
  const other = await buildDemarche(db, { libelle: "Autre démarche", instructeurEmails: ["exterieur-annotations@exemple.fr"] });
  otherDemarcheId = other.demarche.id;
  outsiderEmail = asActor(other.instructeurs[0] as never).email;
}, 120_000);
afterAll(() => server?.stop());

const name = (libelle: string) => champInputName(ids[libelle] as number);
const dossierPage = (id: number) => `/procedures/${demarcheId}/dossiers/${id}`;

describe("an instructeur of the dossier's groupe", () => {
  it("sees the annotations form, is refused invalid values with per-field errors and keeps what was typed", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, titulaire);
    expect((await browser.get(dossierPage(enConstruction))).status).toBe(200);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Annotations privées");
    expect(text).toContain("Réservées aux instructeurs de la démarche : l’usager ne les voit pas.");
    for (const libelle of [MONTANT, DATE, AVIS, NOTE]) expect(browser.lastHtml).toContain(`name="${name(libelle)}"`);
    const before = await storedValues(db, enConstruction);
    const datesBefore = await dossierDates(db, enConstruction);

    const refused = await browser.post(dossierPage(enConstruction), {
      intent: "annotations",
      [name(MONTANT)]: "douze mille",
      [name(DATE)]: "2026-02-30",
      [name(AVIS)]: "Peut-être",
      [name(NOTE)]: "À revoir en commission",
    });
    expect(refused.status).toBe(422);
    const html = browser.lastHtml;
    expect(pageText(html)).toContain("Le formulaire contient des erreurs");
    for (const libelle of [MONTANT, DATE, AVIS]) {
      expect(html).toContain(`href="#champ-${ids[libelle]}"`);
      // The message next to the field, which the field points to.
      expect(html).toContain(`id="champ-${ids[libelle]}-error"`);
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*champ-${ids[libelle]}-error`));
    }
    expect(html).not.toContain(`href="#champ-${ids[NOTE]}"`);
    expect(html).not.toContain(`id="champ-${ids[NOTE]}-error"`);
    expect(html.match(/<title>([^<]*)<\/title>/)?.[1]).toMatch(/^Erreur/);
    // Everything typed is shown again.
    expect(fieldValue(html, `champ-${ids[MONTANT]}`)).toBe("douze mille");
    expect(fieldValue(html, `champ-${ids[NOTE]}`)).toBe("À revoir en commission");
    // Nothing was stored, no date moved.
    expect(await storedValues(db, enConstruction)).toEqual(before);
    expect(await dossierDates(db, enConstruction)).toEqual(datesBefore);
  });

  it("saves valid annotations (blank ones too), moves only the dossier's date, and a colleague sees them", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, titulaire);
    await browser.get(dossierPage(enInstruction));
    const datesBefore = await dossierDates(db, enInstruction);
    const saved = await browser.post(dossierPage(enInstruction), {
      intent: "annotations",
      [name(MONTANT)]: "12000",
      [name(DATE)]: "2026-04-15",
      [name(AVIS)]: "Favorable",
      // Mandatory annotations are required before a decision, not at each save.
      [name(NOTE)]: "",
    });
    expect(location(saved)).toBe(`${dossierPage(enInstruction)}?notice=annotations#annotations`);
    const values = await storedValues(db, enInstruction);
    expect(values[String(ids[MONTANT])]).toBe("12000");
    expect(values[String(ids[DATE])]).toBe("2026-04-15");
    expect(values[String(ids[AVIS])]).toBe("Favorable");
    expect(values[String(ids[NOTE])] ?? null).toBeNull();
    const datesAfter = await dossierDates(db, enInstruction);
    expect(datesAfter.updatedAt.getTime()).toBeGreaterThan(datesBefore.updatedAt.getTime());
    expect(datesAfter.lastChampUpdatedAt).toEqual(datesBefore.lastChampUpdatedAt);
    expect(datesAfter.lockVersion).toBe(datesBefore.lockVersion + 1);

    await browser.get(`${dossierPage(enInstruction)}?notice=annotations`);
    expect(pageText(browser.lastHtml)).toContain("Les annotations privées ont été enregistrées.");
    expect(fieldValue(browser.lastHtml, `champ-${ids[MONTANT]}`)).toBe("12000");

    const colleague = await signedIn(server, collegue);
    await colleague.get(dossierPage(enInstruction));
    expect(fieldValue(colleague.lastHtml, `champ-${ids[MONTANT]}`)).toBe("12000");
    expect(fieldValue(colleague.lastHtml, `champ-${ids[DATE]}`)).toBe("2026-04-15");

    // The same values again: nothing to store, nothing moves.
    await colleague.post(dossierPage(enInstruction), {
      intent: "annotations",
      [name(MONTANT)]: "12000",
      [name(DATE)]: "2026-04-15",
      [name(AVIS)]: "Favorable",
      [name(NOTE)]: "",
    });
    expect(await dossierDates(db, enInstruction)).toEqual(datesAfter);
  });
});

describe("a repetition block of annotations", () => {
  it("adds a row, fills it and removes it, with the row's values", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, titulaire);
    const page = dossierPage(enInstruction);
    await browser.get(page);
    const block = name(PIECES);
    const added = await browser.post(page, { intent: ["annotations", `row-add:${ids[PIECES]}`], [block]: [""] });
    expect(added.status).toBe(200);
    const rows = (await storedValues(db, enInstruction))[String(ids[PIECES])] as string[];
    expect(rows).toHaveLength(1);
    const rowId = rows[0] as string;
    const child = `${champInputName(ids[PIECE] as number)}|${rowId}`;
    expect(browser.lastHtml).toContain(`name="${child}"`);

    const saved = await browser.post(page, { intent: "annotations", [block]: ["", rowId], [child]: "Extrait Kbis" });
    expect(location(saved)).toBe(`${page}?notice=annotations#annotations`);
    expect((await storedValues(db, enInstruction))[`${ids[PIECE]}|${rowId}`]).toBe("Extrait Kbis");

    const removed = await browser.post(page, {
      intent: ["annotations", `row-remove:${ids[PIECES]}|${rowId}`],
      [block]: ["", rowId],
      [child]: "Extrait Kbis",
    });
    expect(removed.status).toBe(200);
    const after = await storedValues(db, enInstruction);
    expect(after[String(ids[PIECES])]).toEqual([]);
    expect(Object.keys(after).filter((key) => key.endsWith(`|${rowId}`))).toEqual([]);
  });
});

describe("anyone else", () => {
  const attempt = { intent: "annotations", [champInputName(1)]: "x" };

  it("gets 404 — another démarche's instructeur, the usager, on a brouillon — and nothing changes", async () => {
    const { db } = server.database;
    const fields = () => ({
      intent: "annotations",
      [name(MONTANT)]: "999",
      [name(NOTE)]: "Écrit par quelqu’un d’autre",
    });
    const before = {
      dossiers: await snapshot(db),
      values: await Promise.all([enConstruction, enInstruction, brouillon].map((id) => storedValues(db, id))),
    };

    const outsider = await signedIn(server, outsiderEmail);
    for (const id of [enConstruction, enInstruction]) {
      expect((await outsider.get(dossierPage(id))).status).toBe(404);
      await outsider.get("/procedures");
      expect((await outsider.post(dossierPage(id), fields())).status).toBe(404);
      await outsider.get("/procedures");
      expect((await outsider.post(`/procedures/${otherDemarcheId}/dossiers/${id}`, fields())).status).toBe(404);
    }

    const usager = await signedIn(server, owner.email);
    await usager.get("/dossiers");
    expect((await usager.post(dossierPage(enConstruction), fields())).status).toBe(404);

    // A brouillon is the usager's alone: not even the groupe's instructeurs can annotate it.
    const instructeur = await signedIn(server, titulaire);
    expect((await instructeur.get(dossierPage(brouillon))).status).toBe(404);
    await instructeur.get("/procedures");
    expect((await instructeur.post(dossierPage(brouillon), fields())).status).toBe(404);
    expect((await instructeur.post(dossierPage(brouillon), attempt)).status).toBe(404);

    expect(await snapshot(db)).toEqual(before.dossiers);
    expect(await Promise.all([enConstruction, enInstruction, brouillon].map((id) => storedValues(db, id)))).toEqual(
      before.values,
    );
  });
});

describe("the usager", () => {
  it("never sees an annotation on their pages and cannot write one through their own form", async () => {
    const { db } = server.database;
    const secret = "Avis réservé : candidature fragile";
    const instructeur = await buildUser(db, ["instructeur"], titulaire);
    const result = await saveAnnotations(db, instructeur.instructeurId as number, enConstruction, (input) =>
      input === name(NOTE) ? secret : input === name(AVIS) ? "Défavorable" : undefined,
    );
    expect(result.ok).toBe(true);

    const usager = await signedIn(server, owner.email);
    for (const page of [`/dossiers/${enConstruction}`, `/dossiers/${enConstruction}/modifier`, "/dossiers"]) {
      expect((await usager.get(page)).status).toBe(200);
      // Raw HTML: the text shown and the data the page carries for hydration.
      for (const hidden of [secret, NOTE, AVIS, "Défavorable", `champ_${ids[NOTE]}`]) {
        expect(usager.lastHtml, `${hidden} on ${page}`).not.toContain(hidden);
      }
    }

    // Posting an annotation's input name with the usager's own form changes nothing of it.
    await usager.get(`/dossiers/${enConstruction}/modifier`);
    const response = await usager.post(`/dossiers/${enConstruction}/modifier`, {
      intent: "submit",
      [champInputName(projetId)]: "Projet modifié",
      [name(NOTE)]: "Réécrit par l’usager",
      [name(MONTANT)]: "1",
    });
    expect(location(response)).toBe(`/dossiers/${enConstruction}?modifie=1`);
    const values = await storedValues(db, enConstruction);
    expect(values[String(projetId)]).toBe("Projet modifié");
    expect(values[String(ids[NOTE])]).toBe(secret);
    expect(values[String(ids[MONTANT])] ?? null).toBeNull();
  });
});

describe("a decision and the annotations privées", () => {
  it("names the mandatory annotations to fill, refuses the decision until they are, then accepts", async () => {
    const { db } = server.database;
    const demarche = { id: demarcheId, path: demarchePath };
    const dossierId = (await buildDossier(db, { demarche, usager: owner, state: "en_instruction" })).dossierId;
    const browser = await signedIn(server, titulaire);
    const page = dossierPage(dossierId);
    await browser.get(page);
    expect(pageText(browser.lastHtml)).toContain(
      `Avant de terminer l’instruction, remplissez ou corrigez les annotations privées : « ${NOTE} ».`,
    );
    const before = await snapshot(db);
    const refused = await browser.post(page, { intent: "decision", decision: "accepter", motivation: "Complet" });
    expect(refused.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain(`à remplir ou à corriger : « ${NOTE} »`);
    // What was typed is kept.
    expect(browser.lastHtml).toContain("Complet");
    expect(await snapshot(db)).toEqual(before);

    await browser.post(page, { intent: "annotations", [name(NOTE)]: "Vu en commission" });
    await browser.get(page);
    expect(browser.lastHtml).not.toContain('id="annotations-a-completer"');
    const accepted = await browser.post(page, { intent: "decision", decision: "accepter", motivation: "Complet" });
    expect(location(accepted)).toBe(`${page}?notice=accepte`);
  });
});
