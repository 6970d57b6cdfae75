/**
 * « Conserver plus longtemps » on the usager's dossier page over HTTP, without JavaScript: refused
 * far from expiry with its message, done close to it; another usager gets 404 and nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { pageText } from "../../support/html";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;

describe("« Conserver plus longtemps » (usager, HTTP)", () => {
  it("refuses far from expiry, extends close to it, 404 for another usager", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const owner = new HttpSession(app.url);
    await owner.signIn(usager.email, FACTORY_PASSWORD);
    await owner.get(`/dossiers/${dossierId}`);
    const early = await owner.post(`/dossiers/${dossierId}`, { intent: "conserver" });
    expect(early.status).toBe(200);
    expect(pageText(await early.text())).toContain("n’arrive pas encore à la fin de sa durée de conservation");

    // Filed a year ago: the page offers the extension, which adds the démarche's 12 months.
    await db
      .update(dossiers)
      .set({ enConstructionAt: new Date(Date.now() - 360 * DAY) })
      .where(eq(dossiers.id, dossierId));
    const page = await owner.get(`/dossiers/${dossierId}`);
    expect(pageText(await page.text())).toContain("Conserver plus longtemps");

    const intruder = new HttpSession(app.url);
    const other = await buildUser(db);
    await intruder.signIn(other.email, FACTORY_PASSWORD);
    const refused = await intruder.post(`/dossiers/${dossierId}`, { intent: "conserver" });
    expect(refused.status).toBe(404);
    const [untouched] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(untouched?.conservationExtension).toBe(0);

    const done = await owner.post(`/dossiers/${dossierId}`, { intent: "conserver" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/dossiers/${dossierId}?conserve=1`);
    const [extended] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(extended?.conservationExtension).toBe(12);
  });
});
