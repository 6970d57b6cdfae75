/**
 * « Mes dossiers » over HTTP without JavaScript (issue 13 item 6): delete a dossier through its
 * confirmation page, find it in « Supprimés récemment », restore it; en instruction refused; a
 * co-editor and another usager get 404 on the page and the POST, and nothing changes.
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

async function html(session: HttpSession, path: string) {
  const response = await session.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

async function signedIn(email: string) {
  const session = new HttpSession(app.url);
  await session.signIn(email, FACTORY_PASSWORD);
  return session;
}

const hiddenAt = async (id: number) =>
  (await app.database.db.select({ at: dossiers.hiddenByUserAt }).from(dossiers).where(eq(dossiers.id, id)))[0]?.at ?? null;

describe("deleting and restoring a dossier (HTTP, no JavaScript)", () => {
  it("confirms, deletes, lists in « Supprimés récemment » and restores; owner-only", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const invitee = await buildUser(db);
    const stranger = await buildUser(db);
    await db.insert(dossierInvites).values({ dossierId, email: invitee.email, inviterUserId: usager.userId });

    const owner = await signedIn(usager.email);
    expect(await html(owner, "/dossiers")).toContain(`href="/dossiers/${dossierId}/supprimer"`);
    const confirm = pageText(await html(owner, `/dossiers/${dossierId}/supprimer`));
    expect(confirm).toContain(`Supprimer le dossier n° ${dossierId}`);
    expect(confirm).toContain("l’administration ne le verra plus");

    for (const email of [invitee.email, stranger.email]) {
      const intruder = await signedIn(email);
      expect((await intruder.get(`/dossiers/${dossierId}/supprimer`)).status).toBe(404);
      await intruder.get("/dossiers");
      expect((await intruder.post(`/dossiers/${dossierId}/supprimer`, {})).status).toBe(404);
    }
    expect(await hiddenAt(dossierId)).toBeNull();

    await owner.get(`/dossiers/${dossierId}/supprimer`);
    const deleted = await owner.post(`/dossiers/${dossierId}/supprimer`, {});
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`/dossiers/supprimes?supprime=${dossierId}`);
    expect(await hiddenAt(dossierId)).not.toBeNull();
    expect(await html(owner, "/dossiers")).not.toContain(`href="/dossiers/${dossierId}/supprimer"`);
    const supprimes = await html(owner, `/dossiers/supprimes?supprime=${dossierId}`);
    expect(pageText(supprimes)).toContain(`Le dossier n° ${dossierId} a été supprimé`);
    expect(supprimes).toContain(`name="dossier" value="${dossierId}"`);
    expect(supprimes).toContain(`name="motif" value="usager"`);

    // Another usager cannot restore it.
    const intruder = await signedIn(stranger.email);
    await intruder.get("/dossiers/supprimes");
    expect((await intruder.post("/dossiers/supprimes", { dossier: String(dossierId), motif: "usager" })).status).toBe(404);
    expect(await hiddenAt(dossierId)).not.toBeNull();

    const restored = await owner.post("/dossiers/supprimes", { dossier: String(dossierId), motif: "usager" });
    expect(restored.status).toBe(302);
    expect(restored.headers.get("location")).toBe(`/dossiers/supprimes?retabli=${dossierId}`);
    expect(await hiddenAt(dossierId)).toBeNull();
    expect(await html(owner, "/dossiers")).toContain(`href="/dossiers/${dossierId}/supprimer"`);
  });

  it("refuses en instruction with its message", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_instruction" });
    const owner = await signedIn(usager.email);
    expect(await html(owner, "/dossiers")).not.toContain(`href="/dossiers/${dossierId}/supprimer"`);
    const page = await html(owner, `/dossiers/${dossierId}/supprimer`);
    expect(pageText(page)).toContain("Un dossier en instruction ne peut pas être supprimé");
    const refused = await owner.post(`/dossiers/${dossierId}/supprimer`, {});
    expect(refused.status).toBe(422);
    expect(await hiddenAt(dossierId)).toBeNull();
  });
});
