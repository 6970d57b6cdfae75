/**
 * The expert's header search (`/recherche`): the dossiers of their avis, by text, never through
 * what they may not read — an annotation privée's words match only on a dossier where one of their
 * avis shows the annotations; another dossier (no avis, a revoked one) never appears; a search
 * document written before the experts' column existed matches nothing for them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { avis, demarches, dossierSearch } from "../../../server/db/schema";
import { searchQuery } from "../../../server/domain/instructeur-list/normalize";
import { champInputName } from "../../../server/domain/form/keys";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { searchExpertDossiers } from "../../../server/queries/expert-recherche";
import { searchInstructeurDossiers } from "../../../server/queries/instructeur/recherche";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { listedDossierIds, pageText, signedIn } from "../instructeur/helpers";
import { expertUser, requestInput } from "./helpers";

let server: TestServer;
let instructeur: { userId: number; instructeurId: number; email: string };
let expert: { expertId: number; email: string };
const dossier: Record<"hidden" | "shown" | "noAvis" | "revoked", number> = { hidden: 0, shown: 0, noAvis: 0, revoked: 0 };
const avisOf: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, {
    libelle: "Jardins partagés",
    instructeurEmails: ["jardins-instructeur@exemple.fr"],
    champs: [{ type: "text", libelle: "Projet" }],
    annotations: [{ type: "text", libelle: "Note interne", mandatory: false }],
  });
  await db.update(demarches).set({ allowExpertReview: true }).where(eq(demarches.id, built.demarche.id));
  instructeur = built.instructeurs[0] as typeof instructeur;
  const [note] = (await loadRevisionChamps(db, built.demarche.publishedRevisionId as number, { private: true })).filter(
    (f) => f.libelle === "Note interne",
  );
  for (const key of Object.keys(dossier) as Array<keyof typeof dossier>) {
    const { dossierId } = await buildDossier(db, {
      demarche: built.demarche,
      state: "en_construction",
      values: { Projet: "Verger" },
    });
    dossier[key] = dossierId;
    const saved = await saveAnnotations(db, instructeur.instructeurId, dossierId, (name) =>
      name === champInputName(note?.stableId as number) ? "Candidature fragile Zorglub" : undefined,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  }
  const user = await expertUser(db, "expert-recherche@exemple.fr");
  expert = { expertId: user.expertId as number, email: user.email };
  const ask = async (key: keyof typeof dossier, annotationsVisible: boolean) => {
    const asked = await requestAvis(
      db,
      { kind: "instructeur", ...instructeur, demarcheId: built.demarche.id, dossierId: dossier[key] },
      requestInput(expert.email, { annotationsVisible }),
    );
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    avisOf[key] = asked.avisIds[0] as number;
  };
  await ask("hidden", false);
  await ask("shown", true);
  await ask("revoked", true);
  await db
    .update(avis)
    .set({ revokedAt: new Date() })
    .where(eq(avis.id, avisOf.revoked as number));
}, 120_000);
afterAll(() => server?.stop());

const expertSearch = (typed: string) =>
  searchExpertDossiers(server.database.db, { expertId: expert.expertId, query: searchQuery(typed) as string, cursor: null });

describe("the expert's search", () => {
  it("finds the dossiers of their avis by the text they may read, each opening their avis", async () => {
    const result = await expertSearch("verger");
    expect(result.rows.map((r) => [r.id, r.avisId]).sort()).toEqual(
      [
        [dossier.hidden, avisOf.hidden],
        [dossier.shown, avisOf.shown],
      ].sort(),
    );
    expect(result.total).toBe(2);
  });

  it("never matches an annotation's text, unless their avis shows the annotations", async () => {
    // The instructeur finds all four by the annotation.
    const inst = await searchInstructeurDossiers(server.database.db, {
      instructeurId: instructeur.instructeurId,
      query: searchQuery("zorglub") as string,
      cursor: null,
    });
    expect(inst.total).toBe(4);
    const result = await expertSearch("zorglub");
    expect(result.rows.map((r) => r.id)).toEqual([dossier.shown]);
    expect((await expertSearch("candidature fragile")).rows.map((r) => r.id)).toEqual([dossier.shown]);
  });

  it("matches nothing on a document indexed before the experts' column (fail closed)", async () => {
    const { db } = server.database;
    const where = eq(dossierSearch.dossierId, dossier.hidden);
    const [kept] = await db.select({ publicDocument: dossierSearch.publicDocument }).from(dossierSearch).where(where);
    expect(kept?.publicDocument).toContain("verger");
    await db.update(dossierSearch).set({ publicDocument: "" }).where(where);
    try {
      expect((await expertSearch("verger")).rows.map((r) => r.id)).toEqual([dossier.shown]);
    } finally {
      await db
        .update(dossierSearch)
        .set({ publicDocument: kept?.publicDocument ?? "" })
        .where(where);
    }
  });
});

describe("/recherche for an expert over HTTP", () => {
  it("lists their avis' dossiers by a word, links to the avis, and hides annotation matches", async () => {
    const browser = await signedIn(server, expert.email);
    const response = await browser.get("/recherche?q=verger");
    expect(response.status).toBe(200);
    expect(listedDossierIds(browser.lastHtml).sort()).toEqual([dossier.hidden, dossier.shown].sort());
    expect(browser.lastHtml).toContain(`href="/avis/${avisOf.hidden}"`);
    expect(browser.lastHtml).not.toMatch(/href="\/procedures\/\d+\/dossiers\//);
    await browser.get("/recherche?q=zorglub");
    expect(listedDossierIds(browser.lastHtml)).toEqual([dossier.shown]);
    expect(pageText(browser.lastHtml)).toContain("1 dossier correspond à « zorglub ».");
  });
});
