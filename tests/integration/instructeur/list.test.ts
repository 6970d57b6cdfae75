/**
 * The instructeur list's columns, filters, sort, search and direct access, through HTTP as a browser
 * without JavaScript, and its keyset pagination on every sort against the full order.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { instructeurPresentations } from "../../../server/db/schema";
import { resolveSort } from "../../../server/domain/instructeur-list/columns";
import { decodeCursor } from "../../../server/queries/instructeur/cursor";
import { listInstructeurDossiers, sortKeyOf } from "../../../server/queries/instructeur/dossiers";
import { loadListColumns } from "../../../server/queries/instructeur/list-columns";
import { seedBulkDossiers } from "../../../server/seed/bulk-dossiers";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, listedDossierIds, pageText, signedIn, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let outsider: Actor;
let demarcheId: number;
let foreignDossier: number;
const field: Record<string, number> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, {
    libelle: "Subventions sportives",
    instructeurEmails: ["liste@exemple.fr"],
    champs: [
      { type: "text", libelle: "Nom du club" },
      { type: "integer_number", libelle: "Effectif" },
      { type: "date", libelle: "Date de création" },
      { type: "yes_no", libelle: "Affilié" },
      { type: "drop_down_list", libelle: "Sport", options: { options: ["Football", "Escrime", "Judo"] } },
      { type: "text", libelle: "Remarque", mandatory: false },
    ],
    annotations: [{ type: "text", libelle: "Avis interne", mandatory: false }],
  });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  for (const row of await loadRevisionChamps(db, built.demarche.publishedRevisionId as number)) field[row.libelle] = row.stableId;
  const dossier = async (key: string, identity: [string, string], values: Record<string, string>, state = "en_construction") => {
    ids[key] = (
      await buildDossier(db, {
        demarche: built.demarche,
        state: state as "en_construction",
        identity: { civilite: "Mme", nom: identity[0], prenom: identity[1] },
        values,
        instructeur: me,
      })
    ).dossierId;
  };
  await dossier("etoile", ["Lefèvre", "Hélène"], {
    "Nom du club": "Étoile sportive de Sète",
    Effectif: "120",
    "Date de création": "1998-04-12",
    Affilié: "true",
    Sport: "Escrime",
    Remarque: "",
  });
  await dossier("judo", ["Martin", "Louis"], {
    "Nom du club": "Judo club",
    Effectif: "35",
    "Date de création": "2015-09-01",
    Affilié: "false",
    Sport: "Judo",
    Remarque: "Dossier complet",
  });
  await dossier(
    "foot",
    ["Durand", "Zoé"],
    {
      "Nom du club": "FC Étang",
      Effectif: "300",
      "Date de création": "2021-01-15",
      Affilié: "true",
      Sport: "Football",
      Remarque: "",
    },
    "accepte",
  );
  const other = await buildDemarche(db, { libelle: "Ailleurs", instructeurEmails: ["dehors@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
  foreignDossier = (await buildDossier(db, { demarche: other.demarche, state: "en_construction" })).dossierId;
}, 120_000);
afterAll(() => server?.stop());

const list = (query: string) => `/procedures/${demarcheId}?statut=tous&${query}`;
const f = (param: string) => `filtre=${encodeURIComponent(param)}`;

async function listed(query: string) {
  const browser = await signedIn(server, me.email);
  const response = await browser.get(list(query));
  expect(response.status).toBe(200);
  return { ids: [...listedDossierIds(browser.lastHtml)].sort((a, b) => a - b), html: browser.lastHtml };
}
const sorted = (...keys: string[]) => keys.map((k) => ids[k] as number).sort((a, b) => a - b);

describe("filters", () => {
  it("apply each operator of each column type", async () => {
    const club = `field/${field["Nom du club"]}`;
    const effectif = `field/${field.Effectif}`;
    const creation = `field/${field["Date de création"]}`;
    const affilie = `field/${field.Affilié}`;
    const sport = `field/${field.Sport}`;
    const remarque = `field/${field.Remarque}`;
    const cases: Array<[string, number[]]> = [
      [f(`${club}:contains:ETOILE`), sorted("etoile")],
      [f(`${club}:contains:étang`), sorted("foot")],
      [f(`${effectif}:gt:100`), sorted("etoile", "foot")],
      [f(`${effectif}:lt:100`), sorted("judo")],
      [f(`${effectif}:eq:120`), sorted("etoile")],
      [f(`${creation}:before:01/01/2000`), sorted("etoile")],
      [f(`${creation}:after:2015-09-01`), sorted("foot")],
      [f(`${affilie}:is:true`), sorted("etoile", "foot")],
      [f(`${affilie}:is:false`), sorted("judo")],
      [`${f(`${sport}:in:Judo`)}&${f(`${sport}:in:Football`)}`, sorted("judo", "foot")],
      [f(`${remarque}:empty`), sorted("etoile", "foot")],
      [f("self/state:in:accepte"), sorted("foot")],
      [f("self/depose_at:this_year"), sorted("etoile", "judo", "foot")],
      [f("self/depose_at:before:2000-01-01"), []],
      [f("individual/identite:contains:helene"), sorted("etoile")],
      [`${f(`${affilie}:is:true`)}&${f(`${effectif}:lt:200`)}`, sorted("etoile")],
    ];
    for (const [query, expected] of cases) {
      const result = await listed(query);
      expect({ query, ids: result.ids }).toEqual({ query, ids: expected });
    }
  });

  it("show each filter as a chip whose link removes it, kept in the URL", async () => {
    const effectif = `field/${field.Effectif}`;
    const { html } = await listed(`${f(`${effectif}:gt:100`)}&${f("self/state:in:accepte")}`);
    expect(pageText(html)).toContain("Effectif supérieur à 100");
    const remove = html
      .match(/href="([^"]+)" aria-label="Retirer le filtre Effectif supérieur à 100"/)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(remove).toBeDefined();
    expect(remove).toContain("filtre=self%2Fstate%3Ain%3Aaccepte");
    expect(remove).not.toContain("gt");
  });

  it("adds a filter from the GET form, and keeps what was typed when it is refused", async () => {
    const browser = await signedIn(server, me.email);
    const ok = await browser.get(list(`ajout_colonne=field%2F${field.Effectif}&ajout_operateur=gt&ajout_valeur=100`));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toContain(`filtre=field%2F${field.Effectif}%3Agt%3A100`);
    const bad = await browser.get(
      list(`ajout_colonne=field%2F${field["Date de création"]}&ajout_operateur=before&ajout_valeur=31%2F02%2F2020`),
    );
    expect(bad.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("« 31/02/2020 » n’est pas une date valide");
    expect(browser.lastHtml).toContain('value="31/02/2020"');
    expect(browser.lastHtml).toMatch(/aria-describedby="ajout-valeur-hint ajout-valeur-error"/);
  });

  it("report bad filters clearly and still render the page", async () => {
    const { html } = await listed(
      [
        f("field/999999:contains:x"),
        f(`field/${field["Date de création"]}:before:2026-02-30`),
        f(`field/${field["Nom du club"]}:contains:${"x".repeat(10_000)}`),
        f(`field/${field.Effectif}:contains:3`),
        f("self/state:in:accepte"),
      ].join("&"),
    );
    const text = pageText(html);
    expect(text).toContain("la colonne « field/999999 » n’existe pas (ou plus) sur cette démarche.");
    expect(text).toContain("« 2026-02-30 » n’est pas une date valide");
    expect(text).toContain("la valeur d’un filtre est limitée à 200 caractères.");
    expect(text).toContain("la condition « contains » ne s’applique pas à cette colonne.");
    expect(listedDossierIds(html)).toEqual([ids.foot]);
  });
});

describe("columns and sort", () => {
  it("saves the chosen columns per démarche, shows them, and sorts on a field", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, me.email);
    await browser.get(list(""));
    const response = await browser.post(list(""), {
      colonnes: [`field/${field.Effectif}`, `field/${field.Sport}`, "user/email", "self/depose_at"],
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("colonnes=enregistrees");
    const [saved] = await db
      .select()
      .from(instructeurPresentations)
      .where(
        and(eq(instructeurPresentations.instructeurId, me.instructeurId), eq(instructeurPresentations.demarcheId, demarcheId)),
      );
    expect(saved?.displayedColumns).toEqual([`field/${field.Effectif}`, `field/${field.Sport}`, "user/email", "self/depose_at"]);

    await browser.get(list(`tri=field%2F${field.Effectif}&ordre=desc`));
    const html = browser.lastHtml;
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><a [^>]*>Effectif(<!-- -->)? ▼<\/a><\/th>/);
    expect(pageText(html)).toContain("Sport");
    expect(pageText(html)).toContain("Escrime");
    expect(listedDossierIds(html)).toEqual([ids.foot, ids.etoile, ids.judo]);
    await browser.get(list(`tri=field%2F${field.Effectif}&ordre=asc`));
    expect(listedDossierIds(browser.lastHtml)).toEqual([ids.judo, ids.etoile, ids.foot]);

    // A posted column the démarche does not offer is refused, and the boxes keep what was ticked.
    const refused = await browser.post(list(""), { colonnes: ["field/999999", "user/email"] });
    expect(refused.status).toBe(422);
    expect(pageText(browser.lastHtml)).toContain("La colonne « field/999999 » n’existe pas sur cette démarche.");
  });

  it("drops a saved column whose field is gone with a notice, and an unknown sort falls back", async () => {
    const { db } = server.database;
    await db
      .update(instructeurPresentations)
      .set({ displayedColumns: ["field/888888", "self/state"] })
      .where(eq(instructeurPresentations.instructeurId, me.instructeurId));
    const { html } = await listed("tri=field%2F888888&ordre=asc");
    const text = pageText(html);
    expect(text).toContain("La colonne « field/888888 » n’existe plus (champ retiré du formulaire)");
    expect(text).toContain("Le tri demandé n’existe pas (ou plus)");
    expect(listedDossierIds(html)).toHaveLength(3);
  });
});

describe("search and direct access", () => {
  it("finds with or without accents and whatever the case", async () => {
    for (const q of ["helene", "HÉLÈNE", "lefevre", "Lefèvre", "sete", "etoile sete", "hel"]) {
      expect({ q, ids: (await listed(`q=${encodeURIComponent(q)}`)).ids }).toEqual({ q, ids: sorted("etoile") });
    }
    expect((await listed("q=zoe")).ids).toEqual(sorted("foot"));
    expect((await listed(`q=${encodeURIComponent("introuvable")}`)).ids).toEqual([]);
  });

  it("opens a dossier by its number, and never one the instructeur may not see", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get(`/procedures/${demarcheId}?q=${ids.judo}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/procedures/${demarcheId}/dossiers/${ids.judo}`);
    const foreign = await browser.get(`/procedures/${demarcheId}?q=${foreignDossier}`);
    expect(foreign.status).toBe(200);
    expect(listedDossierIds(browser.lastHtml)).toEqual([]);
  });
});

describe("démarches page", () => {
  it("finds a démarche by name (accents ignored) or number, and opens a dossier by its number", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(`/procedures?q=${encodeURIComponent("SUBVENTIONS sportives")}`);
    expect(browser.lastHtml).toContain(`data-demarche-id="${demarcheId}"`);
    await browser.get(`/procedures?q=${demarcheId}`);
    expect(browser.lastHtml).toContain(`data-demarche-id="${demarcheId}"`);
    await browser.get("/procedures?q=introuvable");
    expect(pageText(browser.lastHtml)).toContain("Aucune de vos démarches ne correspond à « introuvable ».");
    // Counters of every tab.
    await browser.get("/procedures");
    expect(browser.lastHtml).toMatch(/data-tab="supprimes"/);
    const open = await browser.get(`/procedures?dossier=${ids.judo}`);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe(`/procedures/${demarcheId}/dossiers/${ids.judo}`);
    const foreign = await browser.get(`/procedures?dossier=${foreignDossier}`);
    expect(foreign.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain(`Aucun dossier n° ${foreignDossier} parmi ceux que vous instruisez.`);
  });
});

describe("authorization", () => {
  it("answers 404 to an instructeur of another démarche on the list, with filters, and on saving columns", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, outsider.email);
    expect((await browser.get(list(f("self/state:in:accepte")))).status).toBe(404);
    expect((await browser.get(list("q=helene"))).status).toBe(404);
    await browser.get("/procedures");
    expect((await browser.post(list(""), { colonnes: ["user/email"] })).status).toBe(404);
    const rows = await db
      .select()
      .from(instructeurPresentations)
      .where(eq(instructeurPresentations.instructeurId, outsider.instructeurId));
    expect(rows).toEqual([]);
  });
});

describe("keyset pagination on any sort", () => {
  it("walks every page forward and back in the exact full order, nulls last", async () => {
    const { db } = server.database;
    const big = await buildDemarche(db, {
      libelle: "Grande démarche",
      instructeurEmails: ["liste@exemple.fr"],
      champs: [
        { type: "text", libelle: "Libellé" },
        { type: "integer_number", libelle: "Montant" },
        { type: "date", libelle: "Échéance" },
      ],
    });
    await seedBulkDossiers(db, { demarcheId: big.demarche.id, count: 130 });
    // Some values missing: they sort after every value.
    await db.execute(sql`delete from dossier_values where demarche_id = ${big.demarche.id} and dossier_id % 7 = 0`);
    const columns = await loadListColumns(db, me.instructeurId, big.demarche.id);
    const number = columns.available.find((c) => c.field?.type === "integer_number")?.id as string;
    const date = columns.available.find((c) => c.field?.type === "date")?.id as string;
    const text = columns.available.find((c) => c.field?.type === "text")?.id as string;
    for (const [columnId, order] of [
      [number, "asc"],
      [number, "desc"],
      [date, "asc"],
      [text, "desc"],
      ["self/state", "asc"],
      ["self/updated_at", "desc"],
      ["individual/identite", "asc"],
    ] as const) {
      const { sort } = resolveSort(columnId, order, columns.available);
      const input = {
        instructeurId: me.instructeurId,
        demarcheId: big.demarche.id,
        tab: "tous" as const,
        sort,
        filters: [],
        search: null,
      };
      const pages: number[][] = [];
      let cursor = null;
      let previous: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await listInstructeurDossiers(db, { ...input, cursor });
        pages.push(page.ids);
        previous = page.previousCursor;
        if (!page.nextCursor) break;
        cursor = decodeCursor(page.nextCursor, sortKeyOf(sort));
      }
      const walked = pages.flat();
      const visible = await db.execute<{ id: number }>(
        sql`select id from dossiers where demarche_id = ${big.demarche.id} and archived = false and hidden_by_administration_at is null`,
      );
      expect(new Set(walked).size).toBe(walked.length);
      expect([...walked].sort((a, b) => a - b)).toEqual(visible.rows.map((r) => Number(r.id)).sort((a, b) => a - b));
      // Back from the last page gives the page before it.
      if (pages.length > 1) {
        const back = await listInstructeurDossiers(db, { ...input, cursor: decodeCursor(previous, sortKeyOf(sort)) });
        expect({ columnId, order, ids: back.ids }).toEqual({ columnId, order, ids: pages[pages.length - 2] });
      }
      // The walked order is the sort's order.
      const keys = await db.execute<{ id: number; v: string | null }>(
        columnId.startsWith("field/")
          ? sql`select d.id, coalesce(v.number::text, v.date::text, v.text) as v from dossiers d left join dossier_values v on v.dossier_id = d.id and v.stable_id = ${Number(columnId.slice(6))} where d.demarche_id = ${big.demarche.id}`
          : sql`select id, null as v from dossiers where demarche_id = ${big.demarche.id}`,
      );
      if (columnId.startsWith("field/")) {
        const keyOf = new Map(keys.rows.map((r) => [Number(r.id), r.v]));
        const nullsAt = walked.map((id) => keyOf.get(id) === null);
        // Nulls last ascending, first descending (PostgreSQL's default placement).
        const firstNull = nullsAt.indexOf(true);
        if (order === "asc") expect(nullsAt.slice(firstNull).every(Boolean)).toBe(true);
        else expect(nullsAt.slice(0, nullsAt.lastIndexOf(true) + 1).every(Boolean)).toBe(true);
      }
    }
  }, 120_000);
});
