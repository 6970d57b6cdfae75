/**
 * The usager's lists and expiry, over HTTP without JavaScript: a dossier hidden by expiry leaves
 * « Mes dossiers » and the « Invité » tab and appears in « Supprimés récemment », whose « Restaurer »
 * brings it back; another usager never sees it and gets 404 on restoring it. The brouillon page
 * offers « Conserver plus longtemps » close to the brouillon's expiry.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierInvites, dossiers } from "../../../server/db/schema";
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

async function html(session: HttpSession, path: string) {
  const response = await session.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

describe("expired dossiers in the usager's lists (HTTP)", () => {
  it("hides an expired dossier from the lists, lists it in « Supprimés récemment », restores it for its owner only", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId: expired, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const { dossierId: kept } = await buildDossier(db, { demarche, usager, state: "en_construction" });
    const other = await buildUser(db);
    const { dossierId: othersDossier } = await buildDossier(db, { demarche, usager: other, state: "en_construction" });
    // The other usager is invited on the owner's expired dossier: it leaves the « Invité » tab too.
    await db.insert(dossierInvites).values({ dossierId: expired, email: other.email, inviterUserId: usager.userId });
    // Notice sent 15 days ago, hidden by the daily job yesterday.
    await db
      .update(dossiers)
      .set({ expirationNoticeSentAt: new Date(Date.now() - 15 * DAY), hiddenByExpiredAt: new Date(Date.now() - DAY) })
      .where(eq(dossiers.id, expired));

    const owner = new HttpSession(app.url);
    await owner.signIn(usager.email, FACTORY_PASSWORD);
    const list = await html(owner, "/dossiers");
    expect(list).toContain(`href="/dossiers/${kept}"`);
    expect(list).not.toContain(`href="/dossiers/${expired}"`);
    expect(list).not.toContain(`href="/dossiers/${othersDossier}"`);

    const deleted = await html(owner, "/dossiers/supprimes");
    expect(pageText(deleted)).toContain("Supprimés récemment");
    expect(deleted).toContain(`name="dossier" value="${expired}"`);
    expect(deleted).not.toContain(`name="dossier" value="${kept}"`);

    const intruder = new HttpSession(app.url);
    await intruder.signIn(other.email, FACTORY_PASSWORD);
    expect(await html(intruder, "/dossiers/invites")).not.toContain(`href="/dossiers/${expired}"`);
    const intruderDeleted = await html(intruder, "/dossiers/supprimes");
    expect(intruderDeleted).not.toContain(`name="dossier" value="${expired}"`);
    const refused = await intruder.post("/dossiers/supprimes", { dossier: String(expired) });
    expect(refused.status).toBe(404);
    const [untouched] = await db.select().from(dossiers).where(eq(dossiers.id, expired));
    expect(untouched?.hiddenByExpiredAt).not.toBeNull();
    expect(untouched?.conservationExtension).toBe(0);

    const invalid = await owner.post("/dossiers/supprimes", { dossier: "abc" });
    expect(invalid.status).toBe(404);

    await owner.get("/dossiers/supprimes");
    const restored = await owner.post("/dossiers/supprimes", { dossier: String(expired) });
    expect(restored.status).toBe(302);
    expect(restored.headers.get("location")).toBe(`/dossiers/supprimes?restaure=${expired}`);
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, expired));
    expect(row?.hiddenByExpiredAt).toBeNull();
    expect(row?.conservationExtension).toBe(12);
    expect(pageText(await html(owner, `/dossiers/supprimes?restaure=${expired}`))).toContain(
      `Le dossier n° ${expired} a été restauré`,
    );
    expect(await html(owner, "/dossiers")).toContain(`href="/dossiers/${expired}"`);
    expect(await html(intruder, "/dossiers/invites")).toContain(`href="/dossiers/${expired}"`);

    // Restoring again: not close to expiry any more, a specific message.
    await owner.get("/dossiers");
    const again = await owner.post("/dossiers/supprimes", { dossier: String(expired) });
    expect(again.status).toBe(422);
    expect(pageText(await again.text())).toContain("n’arrive pas encore à la fin de sa durée de conservation");
  });

  it("offers « Conserver plus longtemps » on a brouillon close to expiry, to its owner only", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche });
    const owner = new HttpSession(app.url);
    await owner.signIn(usager.email, FACTORY_PASSWORD);
    expect(pageText(await html(owner, `/dossiers/${dossierId}/brouillon`))).not.toContain("Conserver plus longtemps");

    // Last changed 85 days ago: a brouillon is kept 3 months at most, so it expires within 2 weeks.
    const long = new Date(Date.now() - 85 * DAY);
    await db.update(dossiers).set({ lastChampUpdatedAt: long, identityUpdatedAt: long }).where(eq(dossiers.id, dossierId));
    expect(pageText(await html(owner, `/dossiers/${dossierId}/brouillon`))).toContain("Conserver plus longtemps");

    const intruder = new HttpSession(app.url);
    const other = await buildUser(db);
    await intruder.signIn(other.email, FACTORY_PASSWORD);
    await intruder.get("/dossiers");
    const refused = await intruder.post(`/dossiers/${dossierId}/brouillon`, { intent: "conserver" });
    expect(refused.status).toBe(404);
    const [untouched] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(untouched?.conservationExtension).toBe(0);

    const done = await owner.post(`/dossiers/${dossierId}/brouillon`, { intent: "conserver" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/dossiers/${dossierId}/brouillon?conserve=1`);
    const [extended] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(extended?.conservationExtension).toBe(12);
    expect(pageText(await html(owner, `/dossiers/${dossierId}/brouillon?conserve=1`))).toContain(
      "La durée de conservation du dossier a été prolongée",
    );
  });
});
