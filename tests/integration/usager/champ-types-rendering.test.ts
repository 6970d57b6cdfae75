/**
 * Explication, formatted, linked drop-down, dossier link, number/date rules and the drop-down
 * display modes as a browser without JavaScript gets them, then saved and submitted through the
 * real brouillon form.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { secondaryOptionValue } from "../../../server/domain/champs/types/linked_drop_down_list";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import type { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { decodeHtml, pageText, signedInSession, storedValues, tagWithId } from "./support";

let server: TestServer;
let session: HttpSession;
let dossierId = 0;
let html = "";
let ids: Record<string, number> = {};

const many = (n: number) => Array.from({ length: n }, (_, i) => `Commune ${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const { demarche } = await buildDemarche(db, {
    champs: [
      {
        type: "explication",
        libelle: "Avant de commencer",
        description: "<p>Munissez-vous de votre avis d’imposition.</p>",
        options: { collapsibleExplanationEnabled: true, collapsibleExplanationText: "Ligne 1\nLigne 2" },
      },
      {
        type: "formatted",
        libelle: "Code",
        options: {
          mode: "simple",
          lettersAccepted: true,
          numbersAccepted: true,
          specialCharactersAccepted: false,
          maxCharacterLength: 6,
        },
      },
      {
        type: "formatted",
        libelle: "Code APE",
        options: {
          mode: "advanced",
          expressionReguliere: "^\\d{4}[A-Z]$",
          expressionReguliereExempleText: "6201Z",
          expressionReguliereIndications: "Quatre chiffres et une lettre.",
          expressionReguliereErrorMessage: "4 chiffres puis une majuscule",
        },
      },
      {
        type: "linked_drop_down_list",
        libelle: "Produit",
        options: {
          options: [
            { primary: "Fruits", secondaries: ["Pomme", "Poire"] },
            { primary: "Légumes", secondaries: ["Poireau"] },
          ],
          secondaryLibelle: "Variété",
        },
      },
      { type: "dossier_link", libelle: "Dossier précédent", mandatory: false },
      { type: "integer_number", libelle: "Âge", options: { minNumber: 18, maxNumber: 120 } },
      { type: "date", libelle: "Date du projet", options: { startDate: "2026-01-01", endDate: "2026-12-31" } },
      { type: "drop_down_list", libelle: "Ville", options: { options: many(25) } },
    ],
  });
  const champs = await loadRevisionChamps(db, demarche.publishedRevisionId as number);
  ids = Object.fromEntries(champs.map((c) => [c.libelle, c.stableId]));
  const built = await buildDossier(db, { demarche, values: { Code: "AB12", Âge: "30", "Date du projet": "2026-05-01" } });
  dossierId = built.dossierId;
  session = await signedInSession(server.url, built.usager);
  expect((await session.get(`/dossiers/${dossierId}/brouillon`)).status).toBe(200);
  html = session.lastHtml;
});
afterAll(async () => {
  await server?.stop();
});

const id = (libelle: string) => `champ-${ids[libelle]}`;
const name = (libelle: string) => `champ_${ids[libelle]}`;

describe("rendering without JavaScript", () => {
  it("shows the explication with its folded text in a native disclosure", () => {
    const text = pageText(html);
    expect(text).toContain("Avant de commencer");
    expect(text).toContain("Munissez-vous de votre avis d’imposition.");
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Lire plus<\/summary><p[^>]*>Ligne 1\nLigne 2<\/p><\/details>/);
    expect(html).not.toContain(`name="${name("Avant de commencer")}"`);
  });

  it("states the formatted rules and caps the length", () => {
    const text = pageText(html);
    expect(text).toContain("Lettres et chiffres uniquement (pas d’espace ni de caractère spécial). Au plus 6 caractères.");
    expect(text).toContain("Quatre chiffres et une lettre. Exemple : 6201Z");
    expect(tagWithId(html, id("Code"))).toContain('maxLength="6"');
    expect(tagWithId(html, id("Code APE"))).toContain('maxLength="1000"');
  });

  it("offers both linked menus, the second grouped by primary with pairs as values", () => {
    expect(tagWithId(html, id("Produit"))).toContain(`name="${name("Produit")}"`);
    const secondary = tagWithId(html, `${id("Produit")}-secondary`);
    expect(secondary).toContain(`name="${name("Produit")}__secondary"`);
    expect(html).toContain('<optgroup label="Fruits">');
    expect(decodeHtml(html)).toContain(`value="${secondaryOptionValue("Légumes", "Poireau")}"`);
    expect(pageText(html)).toContain("Variété");
  });

  it("states number and date bounds, and gives the date picker its range", () => {
    const text = pageText(html);
    expect(text).toContain("Entre 18 et 120.");
    expect(text).toContain("Entre le 01/01/2026 et le 31/12/2026.");
    const date = tagWithId(html, id("Date du projet"));
    expect(date).toContain('min="2026-01-01"');
    expect(date).toContain('max="2026-12-31"');
  });

  it("keeps a plain select for a long list (the combobox needs JavaScript)", () => {
    expect(tagWithId(html, id("Ville"))).toMatch(/^<select/);
    expect(html).not.toContain('role="combobox"');
    expect(pageText(html)).toContain("Le numéro du dossier déjà déposé, par exemple 1234.");
  });
});

describe("saving and submitting without JavaScript", () => {
  const base = () => ({
    [name("Code")]: "AB12",
    [name("Code APE")]: "6201Z",
    [name("Produit")]: "",
    [`${name("Produit")}__secondary`]: secondaryOptionValue("Fruits", "Poire"),
    [name("Dossier précédent")]: "",
    [name("Âge")]: "30",
    [name("Date du projet")]: "2026-05-01",
    [name("Ville")]: "Commune 21",
  });

  it("understands a secondary choice alone (its primary comes with it)", async () => {
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, { intent: "save", ...base() });
    expect(response.status).toBe(200);
    const values = await storedValues(server.database.db, dossierId);
    expect(values.get(ids.Produit as number)).toEqual({ primary: "Fruits", secondary: "Poire" });
    expect(values.get(ids.Ville as number)).toBe("Commune 21");
  });

  it("refuses values that break the administrateur's rules, each with its own message", async () => {
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      ...base(),
      [name("Code")]: "AB 12",
      [name("Code APE")]: "62O1Z",
      [name("Produit")]: "Légumes",
      [name("Dossier précédent")]: "douze",
      [name("Âge")]: "17",
      [name("Date du projet")]: "2027-01-01",
    });
    expect(response.status).toBe(422);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Le champ « Code » ne peut pas contenir d’espace");
    expect(text).toContain("Le champ « Code APE » n’est pas au format attendu : 4 chiffres puis une majuscule");
    expect(text).toContain("Le champ « Produit » : le second choix ne correspond pas au premier");
    expect(text).toContain("Le champ « Dossier précédent » doit être un numéro de dossier");
    expect(text).toContain("Le champ « Âge » doit être supérieur ou égal à 18");
    expect(text).toContain("Le champ « Date du projet » doit être une date égale ou antérieure au 31/12/2026");
    // Nothing typed is lost.
    expect(tagWithId(session.lastHtml, id("Code APE"))).toContain('value="62O1Z"');
  });
});
