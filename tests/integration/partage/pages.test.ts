/**
 * The sharing pages over HTTP, without JavaScript: the owner invites a co-editor (a refused e-mail
 * keeps what was typed, with its message), the co-editor finds the dossier in « Invité » without
 * the submit button, the owner proposes a transfer that the recipient accepts from « Transferts »;
 * another usager gets 404 on the partage page (GET and POST) and nothing changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierInvites, dossiers } from "../../../server/db/schema";
import { buildDemarche, buildDossier, buildUser, FACTORY_PASSWORD } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
let dossierId: number;
let secondId: number;
const OWNER = "titulaire-partage@exemple.fr";
const COEDITOR = "coeditrice-partage@exemple.fr";
const OUTSIDER = "curieux-partage@exemple.fr";

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const { demarche } = await buildDemarche(db, { libelle: "Démarche partagée" });
  const owner = await buildUser(db, [], OWNER);
  await buildUser(db, [], COEDITOR);
  await buildUser(db, [], OUTSIDER);
  dossierId = (await buildDossier(db, { demarche, usager: owner })).dossierId;
  secondId = (await buildDossier(db, { demarche, usager: owner, state: "en_construction" })).dossierId;
});
afterAll(() => server?.stop());

async function signedIn(email: string) {
  const browser = new HttpSession(server.url);
  await browser.signIn(email, FACTORY_PASSWORD);
  return browser;
}

describe("sharing without JavaScript", () => {
  it("invites a co-editor; a refused e-mail keeps the typed values with a specific message", async () => {
    const owner = await signedIn(OWNER);
    const page = `/dossiers/${dossierId}/partage`;
    expect((await owner.get(page)).status).toBe(200);
    const refused = await owner.post(page, { intent: "inviter", email: OWNER, message: "Mon message" });
    expect(refused.status).toBe(200);
    expect(owner.lastHtml).toContain("Vous ne pouvez pas vous inviter vous-même.");
    expect(owner.lastHtml).toContain("Mon message");
    expect(owner.lastHtml).toMatch(/aria-describedby="invite-email-error"/);
    const sent = await owner.post(page, { intent: "inviter", email: COEDITOR, message: "Merci" });
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`${page}?notice=invite`);
    await owner.get(`${page}?notice=invite`);
    expect(owner.lastHtml).toContain(COEDITOR);
  });

  it("shows the dossier to the co-editor in « Invité », the form without the submit button", async () => {
    const coeditor = await signedIn(COEDITOR);
    await coeditor.get("/dossiers/invites");
    expect(coeditor.lastHtml).toContain(`/dossiers/${dossierId}/brouillon`);
    expect(coeditor.lastHtml).toContain(OWNER);
    expect((await coeditor.get(`/dossiers/${dossierId}/brouillon`)).status).toBe(200);
    expect(coeditor.lastHtml).not.toContain('value="submit"');
    await coeditor.get(`/dossiers/${dossierId}/partage`);
    expect(coeditor.lastHtml).toContain("Quitter ce dossier");
    expect(coeditor.lastHtml).not.toContain(`value="inviter"`);
    expect(coeditor.lastHtml).not.toContain(`value="transferer"`);
  });

  it("gives another usager 404 on the partage page, for GET and POST, and changes nothing", async () => {
    const outsider = await signedIn(OUTSIDER);
    await outsider.get("/dossiers");
    const page = `/dossiers/${dossierId}/partage`;
    expect((await outsider.get(page)).status).toBe(404);
    const before = await server.database.db.select().from(dossierInvites).where(eq(dossierInvites.dossierId, dossierId));
    const posted = await outsider.post(page, { intent: "inviter", email: OUTSIDER });
    expect(posted.status).toBe(404);
    expect((await outsider.post(page, { intent: "quitter" })).status).toBe(404);
    expect(await server.database.db.select().from(dossierInvites).where(eq(dossierInvites.dossierId, dossierId))).toEqual(before);
  });

  it("proposes a transfer that the recipient accepts from « Transferts »; a transfer to oneself is refused", async () => {
    const owner = await signedIn(OWNER);
    const page = `/dossiers/${secondId}/partage`;
    await owner.get(page);
    await owner.post(page, { intent: "transferer", email: OWNER });
    expect(owner.lastHtml).toContain("Vous ne pouvez pas vous transférer un dossier à vous-même.");
    expect((await owner.post(page, { intent: "transferer", email: OUTSIDER })).status).toBe(302);
    const recipient = await signedIn(OUTSIDER);
    await recipient.get("/dossiers/transferts");
    expect(recipient.lastHtml).toContain(`n° ${secondId}`);
    const transferId = recipient.lastHtml.match(/name="transfer_id" value="(\d+)"/)?.[1];
    expect(transferId).toBeDefined();
    // The co-editor cannot accept a transfer addressed to someone else.
    const coeditor = await signedIn(COEDITOR);
    await coeditor.get("/dossiers/transferts");
    expect((await coeditor.post("/dossiers/transferts", { intent: "accepter", transfer_id: transferId ?? "" })).status).toBe(404);
    const accepted = await recipient.post("/dossiers/transferts", { intent: "accepter", transfer_id: transferId ?? "" });
    expect(accepted.status).toBe(302);
    const [row] = await server.database.db.select({ userId: dossiers.userId }).from(dossiers).where(eq(dossiers.id, secondId));
    const [outsiderRow] = (await server.database.db.execute<{ id: number }>(`select id from users where email = '${OUTSIDER}'`))
      .rows;
    expect(row?.userId).toBe(outsiderRow?.id);
    expect((await owner.get(`/dossiers/${secondId}`)).status).toBe(404);
  });
});
