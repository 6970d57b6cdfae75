/**
 * « Dupliquer » (issue 13 item 6): a new brouillon of the démarche's current published revision with
 * the identity and the values that still exist (not files); refused when the démarche is closed;
 * owner-only (a co-editor or another usager gets NotFoundError, nothing is created); over HTTP the
 * POST redirects to the new brouillon.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { champs, demarches, dossierInvites, dossiers, events } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { duplicateDossier } from "../../../server/operations/dossiers/duplicate-dossier";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let app: TestServer;
beforeAll(async () => {
  app = await startTestServer();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const dossiersOf = async (userId: number) =>
  (await app.database.db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.userId, userId))).map((d) => d.id);

describe("« Dupliquer » a dossier", () => {
  it("copies identity and values into a new brouillon; owner-only; refused on a closed démarche", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db, {
      champs: [
        { type: "text", libelle: "Nom de l’association", mandatory: false },
        { type: "piece_justificative", libelle: "Statuts", mandatory: false },
      ],
    });
    const { dossierId, usager } = await buildDossier(db, {
      demarche,
      state: "en_construction",
      values: { "Nom de l’association": "Les amis du lac" },
      identity: { civilite: "M.", nom: "Martin", prenom: "Paul" },
    });
    const invitee = await buildUser(db);
    const stranger = await buildUser(db);
    await db.insert(dossierInvites).values({ dossierId, email: invitee.email, inviterUserId: usager.userId });
    for (const intruder of [invitee, stranger]) {
      await expect(duplicateDossier(db, intruder.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
      expect(await dossiersOf(intruder.userId)).toEqual([]);
    }

    const result = await duplicateDossier(db, usager.userId, dossierId);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [copy] = await db.select().from(dossiers).where(eq(dossiers.id, result.dossierId));
    expect(copy).toMatchObject({ state: "brouillon", userId: usager.userId, nom: "Martin", prenom: "Paul", civilite: "M." });
    expect(copy?.revisionId).toBe(demarche.publishedRevisionId);
    expect(copy?.lastChampUpdatedAt).not.toBeNull();
    const values = await db
      .select({ type: champs.typeChamp, value: champs.value })
      .from(champs)
      .where(and(eq(champs.dossierId, result.dossierId), eq(champs.stream, "main")));
    expect(values.map((v) => v.type)).toEqual(["text"]);
    expect(JSON.stringify(values[0]?.value)).toContain("Les amis du lac");
    const [event] = await db.select().from(events).where(eq(events.dossierId, result.dossierId));
    expect(event).toMatchObject({ kind: "dossier.duplique", payload: { parentDossierId: dossierId, copiedStableIds: 1 } });

    await db.update(demarches).set({ state: "close" }).where(eq(demarches.id, demarche.id));
    expect(await duplicateDossier(db, usager.userId, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ code: "duplicate_demarche_closed" }],
    });
  });

  it("redirects to the new brouillon over HTTP; 404 for another usager", async () => {
    const { db } = app.database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const owner = new HttpSession(app.url);
    await owner.signIn(usager.email, FACTORY_PASSWORD);
    const list = await owner.get("/dossiers");
    expect(await list.text()).toContain(`action="/dossiers/${dossierId}/dupliquer"`);
    const stranger = await buildUser(db);
    const intruder = new HttpSession(app.url);
    await intruder.signIn(stranger.email, FACTORY_PASSWORD);
    await intruder.get("/dossiers");
    expect((await intruder.post(`/dossiers/${dossierId}/dupliquer`, {})).status).toBe(404);
    expect(await dossiersOf(stranger.userId)).toEqual([]);

    const done = await owner.post(`/dossiers/${dossierId}/dupliquer`, {});
    expect(done.status).toBe(302);
    const location = done.headers.get("location") ?? "";
    const match = location.match(/^\/dossiers\/(\d+)\/brouillon\?duplique=(\d+)$/);
    expect(match?.[2]).toBe(String(dossierId));
    const page = await owner.get(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("a été dupliqué");
  });
});
