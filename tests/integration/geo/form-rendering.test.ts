/**
 * The geographic fields as the server renders them (what a browser without JavaScript gets):
 * selects for countries, régions and départements; a text input for communes, EPCI and addresses,
 * with the server's candidates as radios and the manual address fields. Needs the built pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertChampValues } from "../../../server/db/champ-values";
import { loadRevisionChamps } from "../../../server/db/revisions";
import type { JsonValue } from "../../../server/domain/champs/definition";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { attribute, decodeHtml, signedInSession, tagWithId } from "../usager/support";

let server: TestServer;
let html = "";
let ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const { demarche } = await buildDemarche(db, {
    champs: [
      { type: "pays", libelle: "Pays" },
      { type: "regions", libelle: "Région" },
      { type: "departements", libelle: "Département" },
      { type: "communes", libelle: "Commune", mandatory: false },
      { type: "epci", libelle: "EPCI", mandatory: false },
      { type: "address", libelle: "Adresse", mandatory: false },
      { type: "communes", libelle: "Commune introuvable", mandatory: false },
    ],
  });
  const champs = await loadRevisionChamps(db, demarche.publishedRevisionId as number);
  ids = Object.fromEntries(champs.map((c) => [c.libelle, c.stableId]));
  const { dossierId, usager } = await buildDossier(db, {
    demarche,
    values: { Pays: "BE", Région: "53", Département: "56", Commune: "", EPCI: "", Adresse: "", "Commune introuvable": "" },
  });
  // Drafts as the server's resolution leaves them: candidates to choose from, a search that failed.
  const drafts = new Map<string, JsonValue>([
    [
      String(ids.Commune),
      {
        query: "Saint-Denis",
        candidates: [
          { code: "93066", postalCode: "93200", name: "Saint-Denis", departementCode: "93" },
          { code: "97411", postalCode: "97400", name: "Saint-Denis", departementCode: "974" },
        ],
      },
    ],
    [String(ids.EPCI), { code: "200042174", name: "CA Lorient Agglomération", departementCode: "56", regionCode: "53" }],
    [String(ids.Adresse), { source: "search", query: "8 bd du port", unavailable: true }],
    [String(ids["Commune introuvable"]), { query: "Xyzzyville", candidates: [] }],
  ]);
  await upsertChampValues(db, dossierId, drafts, new Map(champs.map((c) => [c.stableId, c.type])));
  const session = await signedInSession(server.url, usager);
  expect((await session.get(`/dossiers/${dossierId}/brouillon`)).status).toBe(200);
  html = decodeHtml(session.lastHtml);
});
afterAll(async () => {
  await server?.stop();
});

const id = (libelle: string) => `champ-${ids[libelle]}`;
const name = (libelle: string) => `champ_${ids[libelle]}`;

function selectHtml(libelle: string): string {
  const start = html.indexOf(tagWithId(html, id(libelle)));
  return html.slice(start, html.indexOf("</select>", start));
}

describe("geographic fields without JavaScript", () => {
  it("offer countries, régions and départements as selects sending codes", () => {
    expect(attribute(tagWithId(html, id("Pays")), "name")).toBe(name("Pays"));
    expect(selectHtml("Pays")).toMatch(/<option value="BE" selected="">Belgique<\/option>/);
    expect(selectHtml("Pays")).not.toContain('value="GP"');
    expect(selectHtml("Région")).toMatch(/<option value="53" selected="">Bretagne<\/option>/);
    expect(selectHtml("Département")).toMatch(/<option value="56" selected="">56 – Morbihan<\/option>/);
    expect(selectHtml("Département")).toContain('<option value="99">99 – Étranger</option>');
  });

  it("list the candidates of an ambiguous commune as radios, the text kept in the input", () => {
    const input = tagWithId(html, id("Commune"));
    expect(attribute(input, "name")).toBe(name("Commune"));
    expect(attribute(input, "value")).toBe("Saint-Denis");
    expect(attribute(input, "role")).toBeNull(); // a plain text input until JavaScript enhances it
    expect(html).toContain("Plusieurs communes correspondent à « Saint-Denis » : choisissez la vôtre");
    const radio = tagWithId(html, `${id("Commune")}-candidates-0`);
    expect(attribute(radio, "name")).toBe(`${name("Commune")}__code`);
    expect(attribute(radio, "value")).toBe("93066|93200");
    expect(html).toContain("Saint-Denis (97400) – 974 – La Réunion");
  });

  it("say when no commune matches, linked to the input", () => {
    const input = tagWithId(html, id("Commune introuvable"));
    expect(attribute(input, "value")).toBe("Xyzzyville");
    expect(attribute(input, "aria-describedby")).toContain(`${id("Commune introuvable")}-notice`);
    expect(html).toContain("Aucune commune ne correspond à « Xyzzyville »");
  });

  it("show a chosen EPCI by its label, with no hidden choice that could outlive an edit", () => {
    expect(attribute(tagWithId(html, id("EPCI")), "value")).toBe("CA Lorient Agglomération (56)");
    expect(html).not.toContain(`name="${name("EPCI")}__code"`);
  });

  it("offer the manual address mode when the address service is unavailable, the search kept as the street", () => {
    expect(attribute(tagWithId(html, id("Adresse")), "value")).toBe("8 bd du port");
    expect(html).toContain("La recherche d’adresse est indisponible pour le moment");
    const box = tagWithId(html, `${id("Adresse")}-manual-mode`);
    expect(attribute(box, "name")).toBe(`${name("Adresse")}__manual`);
    expect(box).toMatch(/checked/);
    expect(attribute(tagWithId(html, `${id("Adresse")}-street`), "value")).toBe("8 bd du port");
    expect(attribute(tagWithId(html, `${id("Adresse")}-street`), "name")).toBe(`${name("Adresse")}__street`);
    expect(attribute(tagWithId(html, `${id("Adresse")}-postal-code`), "name")).toBe(`${name("Adresse")}__postal_code`);
    expect(attribute(tagWithId(html, `${id("Adresse")}-city`), "name")).toBe(`${name("Adresse")}__city`);
    expect(tagWithId(html, `${id("Adresse")}-manual`)).not.toMatch(/hidden|disabled/);
  });
});
