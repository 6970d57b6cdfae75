/**
 * The header's search (`/recherche`): across every démarche the instructeur follows, accents and
 * case ignored, most relevant first, keyset pages; scoped to the instructeur's groupes (a dossier
 * of another groupe of the same démarche never appears); direct access by number for instructeurs
 * and experts; 404 for a user with neither profile.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, dossiers, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { searchQuery } from "../../../server/domain/instructeur-list/normalize";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { decodeCursor } from "../../../server/queries/instructeur/cursor";
import { RECHERCHE_PAGE_SIZE, searchInstructeurDossiers } from "../../../server/queries/instructeur/recherche";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { expertUser, requestInput } from "../avis/helpers";
import { asActor, listedDossierIds, pageText, signedIn, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let colleague: Actor;
const ids: Record<string, number> = {};
let sportsId: number;
let culturesId: number;
let avisId: number;
let expertEmail: string;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const sports = await buildDemarche(db, {
    libelle: "Subventions sportives",
    instructeurEmails: ["cherche@exemple.fr"],
    champs: [
      { type: "text", libelle: "Nom du club" },
      { type: "text", libelle: "Remarque", mandatory: false },
    ],
  });
  const cultures = await buildDemarche(db, {
    libelle: "Aides culturelles",
    instructeurEmails: ["cherche@exemple.fr"],
    champs: [{ type: "text", libelle: "Projet" }],
  });
  sportsId = sports.demarche.id;
  culturesId = cultures.demarche.id;
  me = asActor(sports.instructeurs[0] as never);
  const dossier = async (key: string, demarche: typeof sports, identity: [string, string], values: Record<string, string>) => {
    ids[key] = (
      await buildDossier(db, {
        demarche: demarche.demarche,
        state: "en_construction",
        identity: { civilite: "Mme", nom: identity[0], prenom: identity[1] },
        values,
      })
    ).dossierId;
  };
  // « Hélène » three times in one dossier, once in the other: the first ranks above.
  await dossier("sete", sports, ["Lefèvre", "Hélène"], { "Nom du club": "Hélène Sète club", Remarque: "Hélène présidente" });
  await dossier("theatre", cultures, ["Martin", "Hélène"], { Projet: "Théâtre de rue" });
  await dossier("judo", sports, ["Durand", "Louis"], { "Nom du club": "Judo club", Remarque: "" });

  // A second groupe of the sports démarche, with its own instructeur and a dossier routed to it.
  const [groupe] = await db
    .insert(groupesInstructeurs)
    .values({ demarcheId: sportsId, label: "Groupe sud" })
    .returning({ id: groupesInstructeurs.id });
  const other = await buildUser(db, ["instructeur"], "sud@exemple.fr");
  await db
    .insert(groupeInstructeurMembers)
    .values({ groupeInstructeurId: groupe?.id as number, instructeurId: other.instructeurId as number });
  colleague = asActor(other as never);
  await dossier("sud", sports, ["Lefèvre", "Hélène"], { "Nom du club": "Club du sud", Remarque: "" });
  await db
    .update(dossiers)
    .set({ groupeInstructeurId: groupe?.id as number })
    .where(eq(dossiers.id, ids.sud as number));

  // An expert asked for an avis on the judo dossier.
  await db.update(demarches).set({ allowExpertReview: true }).where(eq(demarches.id, sportsId));
  const expert = await expertUser(db, "avis-recherche@exemple.fr");
  expertEmail = expert.email;
  const asked = await requestAvis(
    db,
    { kind: "instructeur", ...me, demarcheId: sportsId, dossierId: ids.judo as number },
    requestInput(expert.email),
  );
  if (!asked.ok) throw new Error(`requestAvis: ${JSON.stringify(asked)}`);
  avisId = asked.avisIds[0] as number;
}, 120_000);
afterAll(() => server?.stop());

const search = (instructeurId: number, typed: string, cursor: string | null = null) =>
  searchInstructeurDossiers(server.database.db, {
    instructeurId,
    query: searchQuery(typed) as string,
    cursor: decodeCursor(cursor, "rank:desc"),
  });

describe("search across démarches", () => {
  it("finds in every démarche, accents and case ignored, most relevant first", async () => {
    for (const typed of ["helene", "HÉLÈNE", "Hélène", "hel"]) {
      const result = await search(me.instructeurId, typed);
      expect({ typed, ids: result.rows.map((r) => r.id) }).toEqual({ typed, ids: [ids.sete, ids.theatre] });
      expect(result.total).toBe(2);
    }
    const theatre = await search(me.instructeurId, "theatre rue");
    expect(theatre.rows.map((r) => [r.id, r.demarcheId])).toEqual([[ids.theatre, culturesId]]);
    expect((await search(me.instructeurId, "introuvable")).rows).toEqual([]);
  });

  it("never shows a dossier of a groupe the instructeur is not in, even in their démarche", async () => {
    const mine = await search(me.instructeurId, "lefevre");
    expect(mine.rows.map((r) => r.id)).toEqual([ids.sete]);
    const theirs = await search(colleague.instructeurId, "lefevre");
    expect(theirs.rows.map((r) => r.id)).toEqual([ids.sud]);
    expect((await search(colleague.instructeurId, "theatre")).rows).toEqual([]);
  });

  it("pages with a keyset on (rank, number), forward and back", async () => {
    const { db } = server.database;
    const many = await buildDemarche(db, { libelle: "Beaucoup", instructeurEmails: ["cherche@exemple.fr"] });
    const created: number[] = [];
    for (let i = 0; i < RECHERCHE_PAGE_SIZE + 2; i++) {
      created.push(
        (
          await buildDossier(db, {
            demarche: many.demarche,
            state: "en_construction",
            identity: { civilite: "M.", nom: "Zyxwv", prenom: `Paul${i}` },
          })
        ).dossierId,
      );
    }
    const first = await search(me.instructeurId, "zyxwv");
    expect(first.total).toBe(RECHERCHE_PAGE_SIZE + 2);
    expect(first.rows).toHaveLength(RECHERCHE_PAGE_SIZE);
    expect(first.previousCursor).toBeNull();
    const second = await search(me.instructeurId, "zyxwv", first.nextCursor);
    expect(second.rows).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.rows, ...second.rows].map((r) => r.id);
    expect([...all].sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
    const back = await search(me.instructeurId, "zyxwv", second.previousCursor);
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(first.rankedOnly).toBe(false);

    // Ranking is bounded: with more matches than ranked, the most recent ones are listed (and all counted).
    const bounded = await searchInstructeurDossiers(db, {
      instructeurId: me.instructeurId,
      query: searchQuery("zyxwv") as string,
      cursor: null,
      rankedLimit: 5,
    });
    expect(bounded.total).toBe(RECHERCHE_PAGE_SIZE + 2);
    expect(bounded.rankedOnly).toBe(true);
    expect(bounded.nextCursor).toBeNull();
    expect(bounded.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b).slice(-5));
  }, 180_000);

  it("ranks by relevance among the ranked matches", async () => {
    // « Hélène » three times in « sete », once in « theatre »: relevance, not recency, orders them.
    expect(ids.theatre as number).toBeGreaterThan(ids.sete as number);
    const result = await searchInstructeurDossiers(server.database.db, {
      instructeurId: me.instructeurId,
      query: searchQuery("helene") as string,
      cursor: null,
      rankedLimit: 2,
    });
    expect(result.rows.map((r) => r.id)).toEqual([ids.sete, ids.theatre]);
  });
});

describe("/recherche over HTTP", () => {
  it("lists the matches with their démarche, and the header carries the search field", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get(`/recherche?q=${encodeURIComponent("HELENE")}`);
    expect(response.status).toBe(200);
    expect(listedDossierIds(browser.lastHtml)).toEqual([ids.sete, ids.theatre]);
    const text = pageText(browser.lastHtml);
    expect(text).toContain("2 dossiers correspondent à « HELENE ».");
    expect(text).toContain("Aides culturelles");
    expect(browser.lastHtml).toContain('action="/recherche"');
    await browser.get("/recherche?q=introuvable");
    expect(pageText(browser.lastHtml)).toContain("Aucun dossier ne correspond à « introuvable ».");
  });

  it("opens a dossier by its number, never one of another groupe", async () => {
    const browser = await signedIn(server, me.email);
    const open = await browser.get(`/recherche?q=${ids.theatre}`);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe(`/procedures/${culturesId}/dossiers/${ids.theatre}`);
    const foreign = await browser.get(`/recherche?q=${ids.sud}`);
    expect(foreign.status).toBe(200);
    expect(listedDossierIds(browser.lastHtml)).toEqual([]);
  });

  it("opens an expert's avis by the dossier's number; 404 for a user who is neither", async () => {
    const expert = await signedIn(server, expertEmail);
    const open = await expert.get(`/recherche?q=${ids.judo}`);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe(`/avis/${avisId}`);
    const other = await expert.get(`/recherche?q=${ids.sete}`);
    expect(other.status).toBe(200);
    expect(listedDossierIds(expert.lastHtml)).toEqual([]);
    const usager = await buildUser(server.database.db, [], "simple-usager@exemple.fr");
    const plain = await signedIn(server, usager.email);
    expect((await plain.get("/recherche?q=helene")).status).toBe(404);
    expect(plain.lastHtml).not.toContain('action="/recherche"');
  });
});
