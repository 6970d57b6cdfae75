import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupesInstructeurs } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { location, newAdministrateur, pageText } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("groupes instructeurs pages", () => {
  it("creates a groupe, adds an instructeur to it, and answers 404 to another administrateur or another démarche's groupe", async () => {
    const { db } = server.database;
    const { browser, admin } = await newAdministrateur(server);
    const { demarche } = await buildDemarche(db, { administrateurEmail: admin.email, published: false });
    const page = `/admin/procedures/${demarche.id}/groupes`;
    expect((await browser.get(page)).status).toBe(200);
    const created = await browser.post(page, { intent: "create", label: "Nord" });
    expect(location(created)).toMatch(new RegExp(`^${page}/\\d+\\?notice=created$`));
    const [nord] = await db
      .select()
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.label, "Nord")));
    const groupePage = `${page}/${nord?.id}`;
    const added = await browser.post(groupePage, { intent: "add", emails: "agent.nord@exemple.fr" });
    expect(location(added)).toBe(`${groupePage}?notice=added`);
    await browser.get(groupePage);
    expect(pageText(browser.lastHtml)).toContain("agent.nord@exemple.fr");
    const taken = await browser.post(page, { intent: "create", label: "Nord" });
    expect(taken.status).toBe(400);
    expect(pageText(browser.lastHtml)).toContain("Un groupe porte déjà ce nom.");

    const other = await buildDemarche(db, { published: false });
    const [otherGroupe] = await db
      .select()
      .from(groupesInstructeurs)
      .where(eq(groupesInstructeurs.demarcheId, other.demarche.id));
    expect((await browser.get(`${page}/${otherGroupe?.id}`)).status).toBe(404);
    expect((await browser.get(`/admin/procedures/${other.demarche.id}/groupes`)).status).toBe(404);
    const { browser: stranger } = await newAdministrateur(server);
    await stranger.get("/admin/procedures");
    expect((await stranger.get(groupePage)).status).toBe(404);
    expect((await stranger.post(page, { intent: "create", label: "Intrus" }, { csrf: stranger.csrf() })).status).toBe(404);
  });
});
