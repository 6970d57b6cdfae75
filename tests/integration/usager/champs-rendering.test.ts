/**
 * The field components as the server renders them (what a browser without JavaScript gets):
 * DSFR markup, labels, hints, radios or select, the "Autre" free text, limits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { DROP_DOWN_OTHER } from "../../../server/domain/champs/types/drop_down_list";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { attribute, pageText, signedInSession, tagWithId } from "./support";

let server: TestServer;
let html = "";
let ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const { demarche } = await buildDemarche(db, {
    champs: [
      { type: "header_section", libelle: "Seule section" },
      {
        type: "text",
        libelle: "Nom de l’association",
        description:
          '<p>Tel qu’il figure au <a href="https://www.journal-officiel.gouv.fr/">JO</a>.</p><script>alert(1)</script>',
      },
      { type: "integer_number", libelle: "Nombre d’adhérents", mandatory: false },
      { type: "date", libelle: "Date de création" },
      { type: "textarea", libelle: "Objet", options: { characterLimit: 500 } },
      { type: "textarea", libelle: "Remarques", mandatory: false },
      { type: "yes_no", libelle: "Reconnue d’utilité publique" },
      {
        type: "drop_down_list",
        libelle: "Région",
        options: { options: ["Bretagne", "Normandie", "Occitanie", "Corse", "Grand Est", "Hauts-de-France"] },
      },
      { type: "drop_down_list", libelle: "Taille", options: { options: ["Petite", "Grande"], other: true } },
    ],
  });
  const champs = await loadRevisionChamps(db, demarche.publishedRevisionId as number);
  ids = Object.fromEntries(champs.map((c) => [c.libelle, c.stableId]));
  const { dossierId, usager } = await buildDossier(db, {
    demarche,
    values: { Région: "Corse", Taille: [DROP_DOWN_OTHER, "Moyenne"], "Nombre d’adhérents": "" },
  });
  const session = await signedInSession(server.url, usager);
  expect((await session.get(`/dossiers/${dossierId}/brouillon`)).status).toBe(200);
  html = session.lastHtml;
});
afterAll(async () => {
  await server?.stop();
});

const id = (libelle: string) => `champ-${ids[libelle]}`;

describe("field components", () => {
  it("label every input, mark required fields and state the convention", () => {
    const label = (libelle: string) =>
      new RegExp(`<label class="fr-label" for="${id(libelle)}">([\\s\\S]*?)</label>`).exec(html)?.[1]?.replace(/<[^>]+>/g, "");
    expect(label("Nom de l’association")).toBe("Nom de l’association *");
    expect(label("Nombre d’adhérents")).toBe("Nombre d’adhérents");
    expect(pageText(html)).toContain("Les champs suivis d’un astérisque (*) sont obligatoires.");
    const name = tagWithId(html, id("Nom de l’association"));
    expect(attribute(name, "name")).toBe(`champ_${ids["Nom de l’association"]}`);
  });

  it("render the sanitized description as the hint, linked to the input", () => {
    const hintId = `${id("Nom de l’association")}-hint`;
    expect(tagWithId(html, hintId)).toContain("fr-hint-text");
    expect(html).toMatch(/<p>Tel qu’il figure au <a href="https:\/\/www.journal-officiel.gouv.fr\/"[^>]*>JO<\/a>.<\/p>/);
    expect(html).not.toContain("alert(1)");
    expect(attribute(tagWithId(html, id("Nom de l’association")), "aria-describedby")).toBe(hintId);
  });

  it("use a numeric text input for integers and the date picker for dates", () => {
    const integer = tagWithId(html, id("Nombre d’adhérents"));
    expect(attribute(integer, "type")).toBe("text");
    expect(attribute(integer, "inputmode")).toBe("numeric");
    expect(attribute(tagWithId(html, id("Date de création")), "type")).toBe("date");
  });

  it("state a textarea's character limit without JavaScript", () => {
    const counterId = `${id("Objet")}-counter`;
    expect(pageText(tagWithId(html, counterId) + html.slice(html.indexOf(`id="${counterId}"`)).split("</p>")[0])).toContain(
      "500 caractères maximum.",
    );
    expect(attribute(tagWithId(html, id("Objet")), "aria-describedby")).toContain(counterId);
    expect(html).not.toContain(`id="${id("Remarques")}-counter"`);
  });

  it("render yes/no as a fieldset of two radios", () => {
    const fieldset = tagWithId(html, `${id("Reconnue d’utilité publique")}-fieldset`);
    expect(fieldset).toContain("fr-fieldset");
    expect(html).toContain(
      `<legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="${id("Reconnue d’utilité publique")}-legend">`,
    );
    expect(attribute(tagWithId(html, id("Reconnue d’utilité publique")), "value")).toBe("true");
    expect(tagWithId(html, id("Reconnue d’utilité publique"))).toContain("checked");
    expect(attribute(tagWithId(html, `${id("Reconnue d’utilité publique")}-false`), "value")).toBe("false");
  });

  it("render more than five choices as a select, five or fewer as radios with « Autre » and its text", () => {
    expect(tagWithId(html, id("Région"))).toMatch(/^<select/);
    expect(html).toMatch(/<option value="Corse" selected="">Corse<\/option>/);
    expect(tagWithId(html, id("Taille"))).toMatch(/^<input/);
    const autre = tagWithId(html, `${id("Taille")}-2`);
    expect(attribute(autre, "value")).toBe(DROP_DOWN_OTHER);
    expect(autre).toContain("checked");
    const precision = tagWithId(html, `${id("Taille")}-autre`);
    expect(attribute(precision, "value")).toBe("Moyenne");
    expect(attribute(precision, "name")).toBe(`champ_${ids.Taille}`);
    expect(precision).not.toContain("disabled");
    expect(html).toContain(`<label class="fr-label" for="${id("Taille")}-autre">Si autre, précisez</label>`);
  });

  it("render a section title as a heading, without a menu for a single section", () => {
    expect(html).toMatch(new RegExp(`<h2 id="${id("Seule section")}"[^>]*>Seule section</h2>`));
    expect(html).not.toContain("fr-summary");
  });
});
