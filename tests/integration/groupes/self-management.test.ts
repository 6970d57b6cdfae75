/**
 * Instructeur self-management of groupes (issue 11): the administrateur's option, the instructeur's
 * pages and operations, and who gets a 404 (another groupe, the option off) with nothing changed.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, events, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../../server/operations/demarches/remove-instructeur";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { setInstructeursSelfManagement } from "../../../server/operations/groupes/set-self-management";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, pageText, signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function twoGroupes() {
  const { db } = server.database;
  const built = await buildDemarche(db, { published: false });
  const actor = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const nord = await createGroupe(db, actor, built.demarche.id, { label: "Nord" });
  const sud = await createGroupe(db, actor, built.demarche.id, { label: "Sud" });
  if (!nord.ok || !sud.ok) throw new Error("groupes");
  const agentNord = await buildUser(db, ["instructeur"]);
  const agentSud = await buildUser(db, ["instructeur"]);
  await db.insert(groupeInstructeurMembers).values([
    { groupeInstructeurId: nord.groupeId, instructeurId: agentNord.instructeurId as number },
    { groupeInstructeurId: sud.groupeId, instructeurId: agentSud.instructeurId as number },
  ]);
  return { ...built, actor, nordId: nord.groupeId, sudId: sud.groupeId, agentNord, agentSud };
}

const membersOf = async (groupeId: number) =>
  (
    await server.database.db
      .select({ id: groupeInstructeurMembers.instructeurId })
      .from(groupeInstructeurMembers)
      .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupeId))
  )
    .map((r) => r.id)
    .sort();

describe("instructeurs managing their groupes", () => {
  it("the operations: only with the option on and only in one's own groupes; recorded as the instructeur", async () => {
    const { db } = server.database;
    const t = await twoGroupes();
    const asNord = { instructeurId: t.agentNord.instructeurId as number };
    const input = { emails: "recrue@exemple.fr", invitedByEmail: t.agentNord.email, locale: "fr" as const };
    // Option off: 404, nothing added.
    await expect(assignInstructeurs(db, asNord, t.demarche.id, input, { groupeId: t.nordId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await membersOf(t.nordId)).toEqual([t.agentNord.instructeurId]);

    expect(await setInstructeursSelfManagement(db, t.actor, t.demarche.id, true)).toEqual({ ok: true, changed: true });
    const added = await assignInstructeurs(db, asNord, t.demarche.id, input, {
      groupeId: t.nordId,
      actorUserId: t.agentNord.userId,
    });
    expect(added).toMatchObject({ ok: true, added: ["recrue@exemple.fr"] });
    expect(await membersOf(t.nordId)).toHaveLength(2);
    const [event] = await db
      .select()
      .from(events)
      .where(
        and(eq(events.demarcheId, t.demarche.id), eq(events.kind, "demarche.groupes_modifies"), eq(events.actor, "instructeur")),
      );
    expect(event?.actorUserId).toBe(t.agentNord.userId);

    // Another groupe (Sud), or no groupe named: 404 and nothing changes.
    await expect(assignInstructeurs(db, asNord, t.demarche.id, input, { groupeId: t.sudId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(assignInstructeurs(db, asNord, t.demarche.id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      removeInstructeur(db, asNord, t.demarche.id, t.agentSud.instructeurId as number, { groupeId: t.sudId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await membersOf(t.sudId)).toEqual([t.agentSud.instructeurId]);

    // Removing a colleague of one's own groupe works.
    const recrue = (await membersOf(t.nordId)).find((id) => id !== t.agentNord.instructeurId) as number;
    expect(await removeInstructeur(db, asNord, t.demarche.id, recrue, { groupeId: t.nordId })).toEqual({ ok: true });
    expect(await membersOf(t.nordId)).toEqual([t.agentNord.instructeurId]);

    // Turned off again: 404 again.
    await setInstructeursSelfManagement(db, t.actor, t.demarche.id, false);
    await expect(assignInstructeurs(db, asNord, t.demarche.id, input, { groupeId: t.nordId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Another administrateur cannot toggle it.
    const stranger = await buildUser(db, ["administrateur"]);
    await expect(
      setInstructeursSelfManagement(
        db,
        { administrateurId: stranger.administrateurId as number, userId: stranger.userId },
        t.demarche.id,
        true,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(demarches).where(eq(demarches.id, t.demarche.id));
    expect(row?.instructeursSelfManagementEnabled).toBe(false);
  });

  it("the pages: the administrateur's checkbox, the instructeur's groupe page, 404 for others", async () => {
    const { db } = server.database;
    const t = await twoGroupes();
    const nordPage = `/procedures/${t.demarche.id}/groupes/${t.nordId}`;
    const sudPage = `/procedures/${t.demarche.id}/groupes/${t.sudId}`;
    const nord = await signedIn(server, t.agentNord.email);
    // Option off: the pages are 404 and a post changes nothing.
    expect((await nord.get(`/procedures/${t.demarche.id}/groupes`)).status).toBe(404);
    expect((await nord.get(nordPage)).status).toBe(404);
    expect((await nord.post(nordPage, { intent: "add", emails: "x@exemple.fr" }, { csrf: nord.csrf() })).status).toBe(404);
    expect(await membersOf(t.nordId)).toHaveLength(1);

    const admin = await signedIn(server, t.admin.email);
    const groupesPage = `/admin/procedures/${t.demarche.id}/groupes`;
    await admin.get(groupesPage);
    const saved = await admin.post(groupesPage, { intent: "self-management", enabled: "on" });
    expect(location(saved)).toBe(`${groupesPage}?notice=selfManagement#self-management`);
    await admin.get(groupesPage);
    expect(admin.lastHtml).toMatch(/id="self-management-enabled"[^>]*checked/);

    await nord.get(`/procedures/${t.demarche.id}`);
    expect(pageText(nord.lastHtml)).toContain("Gérer mes groupes instructeurs");
    expect((await nord.get(`/procedures/${t.demarche.id}/groupes`)).status).toBe(200);
    expect(pageText(nord.lastHtml)).toContain("Nord");
    expect(pageText(nord.lastHtml)).not.toContain("Sud");
    expect((await nord.get(nordPage)).status).toBe(200);
    const bad = await nord.post(nordPage, { intent: "add", emails: "pas-une-adresse" });
    expect(bad.status).toBe(400);
    expect(nord.lastHtml).toContain("pas-une-adresse");
    const added = await nord.post(nordPage, { intent: "add", emails: "collegue.nord@exemple.fr" });
    expect(location(added)).toBe(`${nordPage}?notice=added`);
    await nord.get(nordPage);
    expect(pageText(nord.lastHtml)).toContain("collegue.nord@exemple.fr");

    // The other groupe's page and operations: 404, nothing changes.
    expect((await nord.get(sudPage)).status).toBe(404);
    const removeSud = await nord.post(
      sudPage,
      { intent: "remove", instructeurId: String(t.agentSud.instructeurId) },
      { csrf: nord.csrf() },
    );
    expect(removeSud.status).toBe(404);
    expect(await membersOf(t.sudId)).toEqual([t.agentSud.instructeurId]);
    // An instructeur of no groupe of the démarche: 404.
    const outsider = await buildUser(db, ["instructeur"]);
    const out = await signedIn(server, outsider.email);
    expect((await out.get(`/procedures/${t.demarche.id}/groupes`)).status).toBe(404);
    const [g] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.id, t.nordId));
    expect(g?.label).toBe("Nord");
  });
});
