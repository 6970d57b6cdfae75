/**
 * Archive / unarchive and corbeille / restore through HTTP as a browser without JavaScript: the
 * dossier moves between tabs, each action records its domain event, refusals say why, and an
 * instructeur of another démarche gets 404 with nothing changed.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events } from "../../../server/db/schema";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, listedDossierIds, pageText, signedIn, snapshot, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let outsider: Actor;
let demarcheId: number;
let accepte: number;
let enInstruction: number;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Démarche archivée", instructeurEmails: ["archiviste@exemple.fr"] });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  accepte = (await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur: me })).dossierId;
  enInstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_instruction", instructeur: me })).dossierId;
  const other = await buildDemarche(db, { libelle: "Ailleurs", instructeurEmails: ["ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
});
afterAll(() => server?.stop());

const dossierPage = (id: number) => `/procedures/${demarcheId}/dossiers/${id}`;

async function post(browser: Awaited<ReturnType<typeof signedIn>>, id: number, action: string) {
  await browser.get(dossierPage(id));
  const response = await browser.post(`${dossierPage(id)}/archivage`, { action });
  expect(response.status).toBe(302);
  const location = response.headers.get("location") as string;
  await browser.get(location);
  return location;
}

async function tab(browser: Awaited<ReturnType<typeof signedIn>>, statut: string) {
  await browser.get(`/procedures/${demarcheId}?statut=${statut}`);
  return listedDossierIds(browser.lastHtml);
}

describe("archive and corbeille", () => {
  it("archives a decided dossier, unarchives it, puts it in the corbeille and restores it", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, me.email);
    expect(await tab(browser, "traites")).toEqual([accepte]);

    expect(await post(browser, accepte, "archiver")).toContain("archivage=archiver");
    expect(pageText(browser.lastHtml)).toContain("Le dossier a été archivé.");
    expect(pageText(browser.lastHtml)).toContain("Ce dossier est archivé.");
    expect(await tab(browser, "traites")).toEqual([]);
    expect(await tab(browser, "tous")).toEqual([enInstruction]);
    expect(await tab(browser, "archives")).toEqual([accepte]);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, accepte));
    expect(row?.archived).toBe(true);
    expect(row?.archivedBy).toBe(me.email);

    await post(browser, accepte, "desarchiver");
    expect(pageText(browser.lastHtml)).toContain("Le dossier a été désarchivé.");
    expect(await tab(browser, "traites")).toEqual([accepte]);

    await post(browser, accepte, "supprimer");
    expect(pageText(browser.lastHtml)).toContain("Le dossier a été mis à la corbeille.");
    expect(await tab(browser, "traites")).toEqual([]);
    expect(await tab(browser, "supprimes")).toEqual([accepte]);
    // Nothing but « restaurer » in the corbeille.
    await post(browser, accepte, "archiver");
    expect(pageText(browser.lastHtml)).toContain("Ce dossier est dans la corbeille : restaurez-le d’abord.");

    await post(browser, accepte, "restaurer");
    expect(pageText(browser.lastHtml)).toContain("Le dossier a été restauré.");
    expect(await tab(browser, "supprimes")).toEqual([]);
    expect(await tab(browser, "traites")).toEqual([accepte]);

    const kinds = await db
      .select({ kind: events.kind })
      .from(events)
      .where(and(eq(events.dossierId, accepte)))
      .orderBy(asc(events.id));
    expect(kinds.map((e) => e.kind).filter((k) => /archive|supprime|restaure/.test(k))).toEqual([
      "dossier.archive",
      "dossier.desarchive",
      "dossier.supprime",
      "dossier.restaure",
    ]);
  });

  it("refuses with a clear message on a dossier not decided, and offers no button", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, me.email);
    await browser.get(dossierPage(enInstruction));
    expect(browser.lastHtml).not.toContain('name="action" value="archiver"');
    const before = await snapshot(db);
    for (const action of ["archiver", "supprimer", "restaurer", "desarchiver"]) {
      expect(await post(browser, enInstruction, action)).toContain("archivage_refus=not_termine");
      expect(pageText(browser.lastHtml)).toContain("Seul un dossier traité (accepté, refusé ou classé sans suite)");
    }
    expect(await post(browser, enInstruction, "effacer")).toContain("archivage_refus=unknown_action");
    expect(await snapshot(db)).toEqual(before);
  });

  it("answers 404 to an instructeur of another démarche, and nothing changes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, outsider.email);
    const before = await snapshot(db);
    for (const action of ["archiver", "desarchiver", "supprimer", "restaurer"]) {
      await browser.get("/procedures");
      expect((await browser.post(`${dossierPage(accepte)}/archivage`, { action })).status).toBe(404);
    }
    await browser.get("/procedures");
    expect((await browser.get(`${dossierPage(accepte)}/archivage`)).status).toBe(404);
    for (const statut of ["expirants", "archives", "supprimes"]) {
      expect((await browser.get(`/procedures/${demarcheId}?statut=${statut}`)).status).toBe(404);
    }
    expect(await snapshot(db)).toEqual(before);
  });
});
