/**
 * « Changer de groupe » on the instructeur's dossier page, through HTTP as a browser without
 * JavaScript: only an instructeur of the dossier's groupe sees the form and may post it (another
 * groupe's instructeur gets 404, nothing changes); a groupe of another démarche is refused with the
 * page's message; a move out of the instructeur's sight lands on the démarche's list with a notice,
 * and the groupe changes appear in the dossier's history.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events, groupesInstructeurs } from "../../../server/db/schema";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, pageText, signedIn, snapshot, type Actor } from "./helpers";

let server: TestServer;
let demarcheId: number;
let defaultGroupeId: number;
let nordId: number;
let foreignGroupeId: number;
let dossierId: number;
let agentDefault: Actor;
let agentNord: Actor;
let agentBoth: Actor;

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Démarche routée", instructeurEmails: ["defaut-groupe@exemple.fr"] });
  demarcheId = built.demarche.id;
  agentDefault = asActor(built.instructeurs[0] as never);
  const admin = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const [defaut] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
  defaultGroupeId = defaut?.id as number;
  const nord = await createGroupe(db, admin, demarcheId, { label: "Nord" });
  if (!nord.ok) throw new Error("createGroupe");
  nordId = nord.groupeId;
  agentNord = asActor(await buildUser(db, ["instructeur"], "nord-groupe@exemple.fr"));
  agentBoth = asActor(await buildUser(db, ["instructeur"], "deux-groupes@exemple.fr"));
  const add = (emails: string, groupeId: number) =>
    assignInstructeurs(
      db,
      built.administrateurId,
      demarcheId,
      { emails, invitedByEmail: "a@exemple.fr", locale: "fr" },
      { groupeId },
    );
  await add(agentNord.email, nordId);
  await add(agentBoth.email, nordId);
  await add(agentBoth.email, defaultGroupeId);
  dossierId = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const other = await buildDemarche(db, { libelle: "Ailleurs" });
  const [foreign] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, other.demarche.id));
  foreignGroupeId = foreign?.id as number;
});
afterAll(() => server?.stop());

const page = () => `/procedures/${demarcheId}/dossiers/${dossierId}`;
const groupeOf = async () =>
  (
    await server.database.db
      .select({ groupeId: dossiers.groupeInstructeurId, forced: dossiers.groupeForced })
      .from(dossiers)
      .where(eq(dossiers.id, dossierId))
  )[0];

describe("changer de groupe", () => {
  it("answers 404 to an instructeur of another groupe of the démarche, and nothing changes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, agentNord.email);
    const before = await snapshot(db);
    expect((await browser.get(page())).status).toBe(404);
    await browser.get("/procedures");
    expect((await browser.post(`${page()}/groupe`, { groupeId: String(nordId) })).status).toBe(404);
    expect((await browser.get(`${page()}/groupe`)).status).toBe(404);
    expect(await snapshot(db)).toEqual(before);
    expect(await groupeOf()).toEqual({ groupeId: defaultGroupeId, forced: false });
  });

  it("refuses a groupe of another démarche with the page's message", async () => {
    const browser = await signedIn(server, agentDefault.email);
    await browser.get(page());
    expect(browser.lastHtml).toContain('name="groupeId"');
    expect(pageText(browser.lastHtml)).toContain("Ce dossier est confié au groupe « défaut ».");
    const refused = await browser.post(`${page()}/groupe`, { groupeId: String(foreignGroupeId) });
    expect(refused.status).toBe(302);
    const location = refused.headers.get("location") as string;
    expect(location).toContain("groupe_refus=groupe_not_found");
    await browser.get(location);
    expect(pageText(browser.lastHtml)).toContain("Choisissez un groupe ouvert de cette démarche.");
    const garbage = await browser.post(`${page()}/groupe`, { groupeId: "abc" });
    expect(garbage.headers.get("location")).toContain("groupe_refus=groupe_not_found");
    expect(await groupeOf()).toEqual({ groupeId: defaultGroupeId, forced: false });
  });

  it("moves the dossier out of the instructeur's sight (back to the list), then back by an instructeur of both groupes", async () => {
    const { db } = server.database;
    const browser = await signedIn(server, agentDefault.email);
    await browser.get(page());
    const moved = await browser.post(`${page()}/groupe`, { groupeId: String(nordId) });
    expect(moved.headers.get("location")).toBe(`/procedures/${demarcheId}?dossier_deplace=${dossierId}`);
    await browser.get(moved.headers.get("location") as string);
    expect(pageText(browser.lastHtml)).toContain(`Le dossier n° ${dossierId} a été confié à un autre groupe`);
    expect(await groupeOf()).toEqual({ groupeId: nordId, forced: true });
    expect((await browser.get(page())).status).toBe(404);

    const nord = await signedIn(server, agentNord.email);
    expect((await nord.get(page())).status).toBe(200);
    const history = pageText(nord.lastHtml);
    expect(history).toContain("« défaut » → « Nord »");
    expect(history).toContain(`À la main (${agentDefault.email})`);

    const both = await signedIn(server, agentBoth.email);
    await both.get(page());
    const back = await both.post(`${page()}/groupe`, { groupeId: String(defaultGroupeId) });
    expect(back.headers.get("location")).toBe(`${page()}?groupe=deplace#groupe-instructeur`);
    await both.get(`${page()}?groupe=deplace`);
    expect(pageText(both.lastHtml)).toContain("Le dossier a été confié au groupe « défaut ».");
    const moves = await db
      .select({ actor: events.actor, payload: events.payload })
      .from(events)
      .where(eq(events.dossierId, dossierId))
      .orderBy(asc(events.id))
      .then((rows) => rows.filter((r) => (r.payload as { mode?: string }).mode === "manual"));
    expect(moves).toEqual([
      { actor: "instructeur", payload: expect.objectContaining({ fromGroupeId: defaultGroupeId, toGroupeId: nordId }) },
      { actor: "instructeur", payload: expect.objectContaining({ fromGroupeId: nordId, toGroupeId: defaultGroupeId }) },
    ]);
  });
});
