import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instructeurs, users } from "../../../server/db/schema";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { fieldValue, instructeurEmails, location, newAdministrateur, pageText, queuedMails, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function demarcheOf(options: { published?: boolean; instructeurEmails?: string[] } = {}) {
  const { browser, admin } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    published: options.published ?? false,
    instructeurEmails: options.instructeurEmails ?? [],
  });
  const page = `/admin/procedures/${demarche.id}/instructeurs`;
  await browser.get(page);
  return { browser, admin, demarche, page };
}

describe("instructeurs of a démarche", () => {
  it("invites a new person and adds an existing user, each with the right mail", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await demarcheOf();
    const existing = await buildUser(db, [], "Agent.Existant@exemple.fr");
    const mailsBefore = (await queuedMails(db)).length;

    const response = await browser.post(page, {
      intent: "add",
      emails: "nouvelle.instructrice@exemple.fr,\r\n agent.existant@exemple.fr ;",
    });
    expect(location(response)).toBe(`${page}?notice=added&ajoutes=2&deja=0`);
    expect(await instructeurEmails(db, demarche.id)).toEqual(["agent.existant@exemple.fr", "nouvelle.instructrice@exemple.fr"]);
    const [invited] = await db.select().from(users).where(eq(users.email, "nouvelle.instructrice@exemple.fr"));
    expect(invited?.passwordHash).toBeNull();
    expect(await db.select().from(instructeurs).where(eq(instructeurs.userId, existing.userId))).toHaveLength(1);
    const mails = (await queuedMails(db)).slice(mailsBefore);
    expect(mails).toEqual(
      expect.arrayContaining([
        { template: "invitation", to: "nouvelle.instructrice@exemple.fr" },
        { template: "instructeur_added", to: "agent.existant@exemple.fr" },
      ]),
    );
    expect(mails).toHaveLength(2);

    await browser.get(location(response));
    const text = pageText(browser.lastHtml);
    expect(text).toContain("Instructeurs ajoutés : 2");
    expect(text).toMatch(/nouvelle\.instructrice@exemple\.fr Invité/);
    expect(text).toMatch(/agent\.existant@exemple\.fr Actif/);

    // Adding them again changes nothing and sends nothing.
    const again = await browser.post(page, { intent: "add", emails: "agent.existant@exemple.fr" });
    expect(location(again)).toBe(`${page}?notice=added&ajoutes=0&deja=1`);
    expect((await queuedMails(db)).length).toBe(mailsBefore + 2);
  });

  it("refuses invalid addresses, names them and keeps what was typed", async () => {
    const { db } = server.database;
    const { browser, page } = await demarcheOf();
    const before = await snapshot(db);
    const typed = "valide@exemple.fr\npas-une-adresse, autre@";
    const response = await browser.post(page, { intent: "add", emails: typed });
    expect(response.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Ces adresses ne sont pas valides : pas-une-adresse, autre@.");
    expect(browser.lastHtml).toContain('href="#emails"');
    expect(fieldValue(browser.lastHtml, "emails")).toBe(typed);
    expect((await browser.post(page, { intent: "add", emails: " , " })).status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Saisissez au moins une adresse e-mail");
    expect(await snapshot(db)).toEqual(before);
  });

  it("removes an instructeur after a confirmation step", async () => {
    const { db } = server.database;
    const { browser, demarche, page } = await demarcheOf({ instructeurEmails: ["a@exemple.fr", "b@exemple.fr"] });
    const [a] = await db
      .select({ id: instructeurs.id })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(users.email, "a@exemple.fr"));
    const confirm = await browser.post(page, { intent: "confirm-remove", instructeurId: String(a?.id) });
    expect(confirm.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("Retirer a@exemple.fr des instructeurs ?");
    expect(await instructeurEmails(db, demarche.id)).toEqual(["a@exemple.fr", "b@exemple.fr"]);
    expect(location(await browser.post(page, { intent: "remove", instructeurId: String(a?.id) }))).toBe(`${page}?notice=removed`);
    expect(await instructeurEmails(db, demarche.id)).toEqual(["b@exemple.fr"]);
    // The account and its profile stay.
    expect(
      await db
        .select()
        .from(instructeurs)
        .where(eq(instructeurs.id, a?.id as number)),
    ).toHaveLength(1);
  });

  it("refuses to remove the last instructeur of a published démarche, but not of one in test", async () => {
    const { db } = server.database;
    const published = await demarcheOf({ published: true, instructeurEmails: ["seul@exemple.fr"] });
    const [seul] = await db
      .select({ id: instructeurs.id })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(users.email, "seul@exemple.fr"));
    const refused = await published.browser.post(published.page, { intent: "remove", instructeurId: String(seul?.id) });
    expect(refused.status).toBe(409);
    expect(pageText(published.browser.lastHtml)).toContain("C’est le dernier instructeur de cette démarche publiée");
    expect(await instructeurEmails(db, published.demarche.id)).toEqual(["seul@exemple.fr"]);

    const test = await demarcheOf({ instructeurEmails: ["seul-en-test@exemple.fr"] });
    const [other] = await db
      .select({ id: instructeurs.id })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(users.email, "seul-en-test@exemple.fr"));
    expect(location(await test.browser.post(test.page, { intent: "remove", instructeurId: String(other?.id) }))).toBe(
      `${test.page}?notice=removed`,
    );
    expect(await instructeurEmails(db, test.demarche.id)).toEqual([]);
  });

  it("answers 404 for an instructeur who is not on this démarche", async () => {
    const { db } = server.database;
    const { browser, page } = await demarcheOf({ instructeurEmails: ["ici@exemple.fr"] });
    const elsewhere = await buildDemarche(db, { instructeurEmails: ["ailleurs@exemple.fr"] });
    const [stranger] = await db
      .select({ id: instructeurs.id })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(users.email, "ailleurs@exemple.fr"));
    expect((await browser.post(page, { intent: "remove", instructeurId: String(stranger?.id) })).status).toBe(404);
    expect(await instructeurEmails(db, elsewhere.demarche.id)).toEqual(["ailleurs@exemple.fr"]);
  });
});
