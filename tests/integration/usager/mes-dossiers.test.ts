/** "Mes dossiers" through HTTP: empty state, contents, order and keyset pagination. */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { startDossier } from "../../../server/operations/dossiers/start-dossier";
import { MES_DOSSIERS_PAGE_SIZE } from "../../../server/queries/usager/list-dossiers";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { decodeHtml, pageText, signedInSession } from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Dossier numbers in the table, in page order. */
function listedIds(html: string): number[] {
  return [...html.matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

describe("Mes dossiers", () => {
  it("explains what to do when there is no dossier yet", async () => {
    const usager = await buildUser(server.database.db);
    const session = await signedInSession(server.url, usager);
    expect((await session.get("/dossiers")).status).toBe(200);
    expect(session.lastHtml).toContain("<title>Mes dossiers – Guichet</title>");
    expect(pageText(session.lastHtml)).toContain("Vous n’avez encore aucun dossier");
    expect(session.lastHtml).not.toContain("<table");
  });

  it("lists brouillons and submitted dossiers, newest first, linking each to the right page", async () => {
    const { db } = server.database;
    const { demarche } = await buildDemarche(db, { libelle: "Carte de stationnement" });
    const usager = await buildUser(db);
    const brouillon = await buildDossier(db, { demarche, usager });
    const accepte = await buildDossier(db, { demarche, usager, state: "accepte" });
    await buildDossier(db, { demarche }); // someone else's
    const session = await signedInSession(server.url, usager);
    await session.get("/dossiers");
    const html = session.lastHtml;
    expect(listedIds(html)).toEqual([accepte.dossierId, brouillon.dossierId]);
    expect(html).toContain(`href="/dossiers/${brouillon.dossierId}/brouillon"`);
    expect(html).toContain(`href="/dossiers/${accepte.dossierId}"`);
    const text = pageText(html);
    expect(text).toContain("Carte de stationnement");
    expect(text).toContain("Brouillon");
    expect(text).toContain("Accepté");
    expect(text).not.toContain("Dossiers suivants");
  });

  it("pages by (updated_at desc, id desc) without skipping or repeating rows sharing a timestamp", async () => {
    const { db } = server.database;
    const { path } = await buildDemarche(db);
    const usager = await buildUser(db);
    const ids: number[] = [];
    for (let i = 0; i < MES_DOSSIERS_PAGE_SIZE + 5; i++) {
      ids.push((await startDossier(db, usager.userId, { path: path as string, test: false })).dossierId);
    }
    // Ten dossiers at the very same instant, across the page boundary.
    await db
      .update(dossiers)
      .set({ updatedAt: sql`'2026-01-01 10:00:00.123456+00'::timestamptz` })
      .where(inArray(dossiers.id, ids.slice(0, 10)));
    const expected = (
      await db.select({ id: dossiers.id, updatedAt: dossiers.updatedAt }).from(dossiers).where(eq(dossiers.userId, usager.userId))
    )
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id)
      .map((r) => r.id);

    const session = await signedInSession(server.url, usager);
    await session.get("/dossiers");
    const first = listedIds(session.lastHtml);
    expect(first).toHaveLength(MES_DOSSIERS_PAGE_SIZE);
    const next = /href="(\/dossiers\?cursor=[^"]+)"/.exec(session.lastHtml)?.[1];
    expect(next).toBeDefined();
    expect(pageText(session.lastHtml)).toContain("Dossiers suivants");
    await session.get(decodeHtml(next as string));
    const second = listedIds(session.lastHtml);
    expect([...first, ...second]).toEqual(expected);
    expect(pageText(session.lastHtml)).not.toContain("Dossiers suivants");
    expect(session.lastHtml).toContain("Revenir aux dossiers les plus récents");

    // A tampered cursor starts again from the top rather than failing.
    await session.get("/dossiers?cursor=n%27importe-quoi");
    expect(listedIds(session.lastHtml)).toEqual(first);
  });
});
