/** /commencer/:path and /commencer/test/:path through HTTP, without JavaScript. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { dossierIdFromLocation, dossierRow, pageText, signedInSession } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const dossiersOf = (userId: number, demarcheId: number) =>
  server.database.db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.userId, userId), eq(dossiers.demarcheId, demarcheId)));

describe("/commencer/:path", () => {
  it("presents the démarche to an anonymous visitor, with sign-in and sign-up links that come back", async () => {
    const { demarche, path } = await buildDemarche(server.database.db, {
      libelle: "Aide au permis de conduire",
      champs: [{ type: "text" }, { type: "textarea" }, { type: "date", mandatory: false }],
    });
    const session = new HttpSession(server.url);
    const response = await session.get(`/commencer/${path}`);
    expect(response.status).toBe(200);
    const html = session.lastHtml;
    const text = pageText(html);
    expect(html).toContain("<title>Aide au permis de conduire – Guichet</title>");
    // One h1 for the page (the footer's display-settings dialog has its own, inside the closed modal).
    expect(html.match(/<h1[\s>]/g)?.filter((tag) => tag === "<h1>")).toHaveLength(1);
    expect(text).toContain("Une démarche de test.");
    expect(text).toContain("Cadre juridique");
    expect(html).toContain('href="https://www.legifrance.gouv.fr/"');
    expect(html).toContain('href="mailto:dpo@exemple.fr"');
    expect(text).toContain("12 mois");
    // 10 s + 60 s + 10 s / 2 → 75 s → 2 min, as the administrateur's preview computes it.
    expect(text).toContain("Temps de remplissage estimé : 2 min");
    const back = encodeURIComponent(`/commencer/${path}`);
    expect(html).toContain(`href="/users/sign_in?redirect_to=${back}"`);
    expect(html).toContain(`href="/users/sign_up?redirect_to=${back}"`);
    expect(html).not.toContain("Commencer la démarche</button>");
    // Posting anyway: sent to sign in, and nothing is created.
    const post = await session.post(`/commencer/${path}`, {});
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe(`/users/sign_in?redirect_to=${back}`);
    expect(await server.database.db.select().from(dossiers).where(eq(dossiers.demarcheId, demarche.id))).toHaveLength(0);
  });

  it("finds the démarche whatever the case of the link, and 404s an unknown one", async () => {
    const { path } = await buildDemarche(server.database.db);
    const session = new HttpSession(server.url);
    expect((await session.get(`/commencer/${(path as string).toUpperCase()}`)).status).toBe(200);
    expect((await session.get("/commencer/cette-demarche-n-existe-pas")).status).toBe(404);
    expect(session.lastHtml).toContain("Page introuvable");
  });

  it("lists the signed-in user's dossiers on the démarche, and starts a new brouillon", async () => {
    const { db } = server.database;
    const { demarche, path } = await buildDemarche(db);
    const usager = await buildUser(db);
    const brouillon = await buildDossier(db, { demarche, usager });
    const depose = await buildDossier(db, { demarche, usager, state: "en_construction" });
    const someoneElse = await buildDossier(db, { demarche });
    const session = await signedInSession(server.url, usager);
    await session.get(`/commencer/${(path as string).toUpperCase()}`);
    const html = session.lastHtml;
    expect(html).toContain(`href="/dossiers/${brouillon.dossierId}/brouillon"`);
    expect(html).toContain(`href="/dossiers/${depose.dossierId}"`);
    expect(html).not.toContain(`/dossiers/${someoneElse.dossierId}`);
    expect(pageText(html)).toContain("Commencer un nouveau dossier");

    const response = await session.post(`/commencer/${(path as string).toUpperCase()}`, {});
    expect(response.status).toBe(302);
    const dossierId = dossierIdFromLocation(response.headers.get("location"));
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}/identite`);
    const created = await dossierRow(db, dossierId);
    expect(created).toMatchObject({ state: "brouillon", userId: usager.userId, demarcheId: demarche.id, forTest: false });
    expect(created.revisionId).toBe(demarche.publishedRevisionId);
  });

  it("explains that a closed démarche is closed, and starts nothing", async () => {
    const { db } = server.database;
    const { demarche, path, administrateurId } = await buildDemarche(db);
    const usager = await buildUser(db);
    const mine = await buildDossier(db, { demarche, usager, state: "en_construction" });
    expect(await closeDemarche(db, administrateurId, demarche.id)).toEqual({ ok: true });
    const session = await signedInSession(server.url, usager);
    const response = await session.get(`/commencer/${path}`);
    expect(response.status).toBe(410);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Cette démarche est close");
    expect(text).not.toContain("Commencer la démarche");
    expect(session.lastHtml).toContain(`href="/dossiers/${mine.dossierId}"`);
    const post = await session.post(`/commencer/${path}`, {});
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toBe(`/commencer/${path}`);
    expect(await dossiersOf(usager.userId, demarche.id)).toHaveLength(1);
  });
});

describe("/commencer/test/:path", () => {
  it("starts test dossiers on a démarche in test, with a banner", async () => {
    const { db } = server.database;
    const { demarche } = await buildDemarche(db, { published: false });
    const testPath = demarche.path as string;
    const usager = await buildUser(db);
    const session = await signedInSession(server.url, usager);
    // The public link does not exist before publication.
    expect((await session.get(`/commencer/${testPath}`)).status).toBe(404);

    expect((await session.get(`/commencer/test/${testPath}`)).status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Démarche en test : les dossiers seront supprimés à la publication");
    const response = await session.post(`/commencer/test/${testPath}`, {});
    expect(response.status).toBe(302);
    const dossierId = dossierIdFromLocation(response.headers.get("location"));
    const created = await dossierRow(db, dossierId);
    expect(created.forTest).toBe(true);
    expect(created.revisionId).toBe(demarche.draftRevisionId);

    // Mes dossiers shows it with a "test" badge.
    await session.get("/dossiers");
    expect(session.lastHtml).toMatch(/fr-badge[^"]*"[^>]*title="Dossier de test"/);
  });

  it("sends the test link of a published démarche to its public page", async () => {
    const { path } = await buildDemarche(server.database.db);
    const response = await new HttpSession(server.url).get(`/commencer/test/${path}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/commencer/${path}`);
  });
});
