/**
 * Type-specific options through the real editor pages (no JavaScript): formatted, linked drop-down,
 * explication, number and date rules, and the CSV import of drop-down options (size, lines,
 * encoding, authorization).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche, type ChampSpec } from "../../../server/seed/factories";
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

async function demarcheWith(champs: ChampSpec[]) {
  const { browser, admin } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    champs,
    instructeurEmails: [],
    published: false,
  });
  const page = `/admin/procedures/${demarche.id}/champs`;
  await browser.get(page);
  const [champ] = await draftChamps(server.database.db, demarche.id);
  return { browser, demarche, page, stableId: champ?.stableId as number };
}

const update = (browser: HttpSession, page: string, stableId: number, fields: Record<string, string>) =>
  browser.post(page, { intent: "update", stableId: String(stableId), description: "", libelle: "Champ", ...fields });

const optionsOf = async (demarcheId: number) => (await draftChamps(server.database.db, demarcheId))[0]?.options;

function csvForm(content: BlobPart, name = "options.csv") {
  const form = new FormData();
  form.append("file", new Blob([content], { type: "text/csv" }), name);
  return form;
}

describe("type-specific options in the editor", () => {
  it("saves the formatted field's modes and refuses an unusable pattern with a precise message", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([{ type: "formatted", libelle: "Code APE" }]);
    expect(browser.lastHtml).toContain(`id="champ-${stableId}-formattedMode"`);

    const simple = await update(browser, page, stableId, {
      formattedMode: "simple",
      lettersAccepted: "on",
      numbersAccepted: "on",
      minLength: "5",
      maxLength: "5",
    });
    expect(location(simple)).toBe(`${page}#champ-${stableId}`);
    expect(await optionsOf(demarche.id)).toEqual({
      mode: "simple",
      lettersAccepted: true,
      numbersAccepted: true,
      specialCharactersAccepted: false,
      minCharacterLength: 5,
      maxCharacterLength: 5,
    });

    const lookahead = await update(browser, page, stableId, {
      formattedMode: "advanced",
      regex: "^(?=\\d)\\d{4}[A-Z]$",
      regexExample: "6201Z",
    });
    expect(lookahead.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("La syntaxe « (?= » n’est pas prise en charge");
    expect(browser.lastHtml).toContain(`href="#champ-${stableId}-regex"`);
    expect(fieldValue(browser.lastHtml, `champ-${stableId}-regex`)).toBe("^(?=\\d)\\d{4}[A-Z]$");

    const mismatch = await update(browser, page, stableId, {
      formattedMode: "advanced",
      regex: "^\\d{4}[A-Z]$",
      regexExample: "62O1Z",
    });
    expect(mismatch.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("L’exemple ne correspond pas à l’expression régulière");

    await update(browser, page, stableId, {
      formattedMode: "advanced",
      regex: "^\\d{4}[A-Z]$",
      regexExample: "6201Z",
      regexErrorMessage: "4 chiffres puis une majuscule",
      minLength: "5",
      maxLength: "5",
      lettersAccepted: "on",
    });
    expect(await optionsOf(demarche.id)).toMatchObject({
      mode: "advanced",
      expressionReguliere: "^\\d{4}[A-Z]$",
      expressionReguliereExempleText: "6201Z",
      expressionReguliereErrorMessage: "4 chiffres puis une majuscule",
      // The simple rules are kept for a switch back.
      minCharacterLength: 5,
    });
    await browser.get(page);
    expect(fieldValue(browser.lastHtml, `champ-${stableId}-regex`)).toBe("^\\d{4}[A-Z]$");
  });

  it("saves linked drop-down options written with --Primary-- and reports a misplaced line", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([{ type: "linked_drop_down_list", libelle: "Produit" }]);
    const bad = await update(browser, page, stableId, { linkedOptions: "Pomme\n--Fruits--" });
    expect(bad.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("La ligne 1 doit être une option principale écrite --Option principale--");

    await update(browser, page, stableId, {
      linkedOptions: "--Fruits--\r\nPomme\r\nPoire\r\n\r\n--Légumes--\r\nPoireau",
      secondaryLibelle: "Variété",
    });
    expect(await optionsOf(demarche.id)).toEqual({
      options: [
        { primary: "Fruits", secondaries: ["Pomme", "Poire"] },
        { primary: "Légumes", secondaries: ["Poireau"] },
      ],
      secondaryLibelle: "Variété",
    });
    await browser.get(page);
    expect(fieldValue(browser.lastHtml, `champ-${stableId}-linkedOptions`)).toBe(
      "--Fruits--\nPomme\nPoire\n--Légumes--\nPoireau",
    );
  });

  it("saves the explication's folded text, number bounds and date range", async () => {
    const explication = await demarcheWith([{ type: "explication", libelle: "À lire" }]);
    const missing = await update(explication.browser, explication.page, explication.stableId, { collapsibleEnabled: "on" });
    expect(missing.status).toBe(400);
    await update(explication.browser, explication.page, explication.stableId, {
      collapsibleEnabled: "on",
      collapsibleText: "Ligne 1\r\nLigne 2",
    });
    expect(await optionsOf(explication.demarche.id)).toEqual({
      collapsibleExplanationEnabled: true,
      collapsibleExplanationText: "Ligne 1\nLigne 2",
    });

    const decimal = await demarcheWith([{ type: "decimal_number", libelle: "Montant" }]);
    const inverted = await update(decimal.browser, decimal.page, decimal.stableId, { minNumber: "10", maxNumber: "2,5" });
    expect(inverted.status).toBe(400);
    expect(pageText(decimal.browser.lastHtml)).toContain("Le minimum doit être inférieur ou égal au maximum");
    await update(decimal.browser, decimal.page, decimal.stableId, { positiveNumber: "on", minNumber: "1 000,5", maxNumber: "" });
    expect(await optionsOf(decimal.demarche.id)).toEqual({ positiveNumber: true, minNumber: 1000.5 });
    await decimal.browser.get(decimal.page);
    expect(fieldValue(decimal.browser.lastHtml, `champ-${decimal.stableId}-minNumber`)).toBe("1000,5");

    const date = await demarcheWith([{ type: "date", libelle: "Naissance" }]);
    const impossible = await update(date.browser, date.page, date.stableId, { startDate: "2023-02-30" });
    expect(impossible.status).toBe(400);
    await update(date.browser, date.page, date.stableId, { dateInPast: "on", startDate: "01/01/1900", endDate: "" });
    expect(await optionsOf(date.demarche.id)).toEqual({ dateInPast: true, startDate: "1900-01-01" });
  });
});

describe("CSV import of drop-down options", () => {
  const importUrl = (page: string, stableId: number) => `${page}?importOptions=${stableId}`;

  it("replaces the options with the file's first column, skipping blank lines and duplicates", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([
      { type: "drop_down_list", libelle: "Commune", options: { options: ["A"], other: true } },
    ]);
    expect(browser.lastHtml).toContain(`action="${importUrl(page, stableId)}"`);
    expect(browser.lastHtml).toMatch(/enctype="multipart\/form-data"/i);

    const response = await browser.postFormData(
      importUrl(page, stableId),
      csvForm("\uFEFFCommune;Code\r\nParis;75\r\n\r\nLyon;69\r\nParis;75\r\n"),
    );
    expect(response.status).toBe(302);
    expect(location(response)).toBe(`${page}?options_importees=${stableId}-3#champ-${stableId}`);
    // « Autre » is kept: only the list changes.
    expect(await optionsOf(demarche.id)).toEqual({ options: ["Commune", "Paris", "Lyon"], other: true });
    await browser.get(location(response));
    expect(pageText(browser.lastHtml)).toContain("3 options importées.");
    expect(fieldValue(browser.lastHtml, `champ-${stableId}-options`)).toBe("Commune\nParis\nLyon");
  });

  it("imports linked options from two columns", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([{ type: "linked_drop_down_list", libelle: "Produit" }]);
    const response = await browser.postFormData(
      importUrl(page, stableId),
      csvForm("Fruits;Pomme\nFruits;Poire\nLégumes;Poireau\n"),
    );
    expect(response.status).toBe(302);
    expect(await optionsOf(demarche.id)).toEqual({
      options: [
        { primary: "Fruits", secondaries: ["Pomme", "Poire"] },
        { primary: "Légumes", secondaries: ["Poireau"] },
      ],
    });
  });

  it.each([
    [
      "more than 5 000 lines",
      () => csvForm(Array.from({ length: 5001 }, (_, i) => `Option ${i}`).join("\n")),
      400,
      "Le fichier contient plus de 5 000 lignes",
    ],
    ["a file over 1 MB", () => csvForm("x".repeat(1024 * 1024 + 100 * 1024)), 413, "Le fichier dépasse 1 Mo"],
    [
      "a Windows-1252 file",
      () => csvForm(new Uint8Array([0x50, 0x61, 0x72, 0x69, 0x73, 0x0a, 0xc9, 0x76, 0x72, 0x79])),
      400,
      "n’est pas encodé en UTF-8",
    ],
    [
      "an .xlsx workbook",
      () => csvForm(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), "liste.xlsx"),
      400,
      "n’est pas un fichier texte CSV",
    ],
    ["no file", () => new FormData(), 400, "Choisissez un fichier CSV"],
  ])("refuses %s with a message, options unchanged", async (_name, form, status, message) => {
    const { browser, demarche, page, stableId } = await demarcheWith([
      { type: "drop_down_list", libelle: "Commune", options: { options: ["Paris", "Lyon"] } },
    ]);
    const response = await browser.postFormData(importUrl(page, stableId), form());
    expect(response.status).toBe(status);
    expect(pageText(browser.lastHtml)).toContain(message);
    expect(browser.lastHtml).toContain(`href="#champ-${stableId}-csvFile"`);
    expect(browser.lastHtml).toMatch(/<details[^>]*open=""[^>]*>/);
    expect(await optionsOf(demarche.id)).toEqual({ options: ["Paris", "Lyon"] });
  });

  it("refuses a body over the import cap before reading it, and an oversized declared length", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([
      { type: "drop_down_list", libelle: "Commune", options: { options: ["Paris"] } },
    ]);
    const huge = await browser.postFormData(importUrl(page, stableId), csvForm("x".repeat(5 * 1024 * 1024)));
    expect(huge.status).toBe(413);
    expect(await optionsOf(demarche.id)).toEqual({ options: ["Paris"] });
  });

  it("is out of reach of another administrateur (404) and refused for fields without options", async () => {
    const { browser, demarche, page, stableId } = await demarcheWith([
      { type: "drop_down_list", libelle: "Commune", options: { options: ["Paris"] } },
      { type: "text", libelle: "Nom" },
    ]);
    const other = await newAdministrateur(server);
    await other.browser.get("/admin/procedures");
    expect((await other.browser.postFormData(importUrl(page, stableId), csvForm("Lyon\n"))).status).toBe(404);
    expect((await browser.postFormData(importUrl(page, 999_999), csvForm("Lyon\n"))).status).toBe(404);

    const text = (await draftChamps(server.database.db, demarche.id))[1]?.stableId as number;
    const refused = await browser.postFormData(importUrl(page, text), csvForm("Lyon\n"));
    expect(refused.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Ce type de champ n’a pas d’options à importer");
    expect(await optionsOf(demarche.id)).toEqual({ options: ["Paris"] });
  });
});
