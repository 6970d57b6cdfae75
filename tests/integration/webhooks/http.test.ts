import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, webhookSubscriptions } from "../../../server/db/schema";
import { buildDemarche } from "../../../server/seed/factories";
import { fieldValue, location, newAdministrateur, signedIn } from "../admin/helpers";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
beforeAll(async () => {
  // Private receivers refused, as in production.
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("the webhooks page without JavaScript", () => {
  it("creates a subscription showing its secret once, refuses a private address with what was typed", async () => {
    const { db } = server.database;
    const { demarche, admin } = await buildDemarche(db);
    const browser = await signedIn(server, admin.email);
    const page = `/admin/procedures/${demarche.id}/webhooks`;
    expect((await browser.get(page)).status).toBe(200);
    const csrf = browser.csrf();

    const refused = await browser.post(
      page,
      { intent: "create", url: "http://192.168.1.10/hook", kinds: "dossier.depose" },
      { csrf },
    );
    expect(refused.status).toBe(422);
    expect(browser.lastHtml).toContain("mène à un réseau privé");
    expect(fieldValue(browser.lastHtml, "new-url")).toBe("http://192.168.1.10/hook");
    expect(browser.lastHtml).toMatch(
      /id="new-url"[^>]*aria-describedby="new-url-error"|aria-describedby="new-url-error"[^>]*id="new-url"/,
    );
    expect(browser.lastHtml).toMatch(/id="new-kind-dossier\.depose"[^>]*checked|checked[^>]*id="new-kind-dossier\.depose"/);

    const legacy = await browser.post(page, { intent: "legacy", url: "ftp://exemple.fr/" }, { csrf });
    expect(legacy.status).toBe(422);
    expect(browser.lastHtml).toContain("doit commencer par http:// ou https://");

    const created = await browser.post(
      page,
      { intent: "create", url: "https://8.8.8.8/hook", kinds: "dossier.depose" },
      { csrf },
    );
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const secret = fieldValue(browser.lastHtml, "webhook-secret");
    const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.demarcheId, demarche.id));
    expect(row).toMatchObject({ url: "https://8.8.8.8/hook", eventKinds: ["dossier.depose"], enabled: true });
    expect(secret).toBe(row?.secret);
    // Never shown again.
    await browser.get(page);
    expect(browser.lastHtml).not.toContain(row?.secret ?? "-");
    expect(browser.lastHtml).toContain("https://8.8.8.8/hook");

    const deleted = await browser.post(page, { intent: "delete", subscriptionId: String(row?.id) }, { csrf });
    expect(location(deleted)).toBe(`${page}?notice=deleted`);
    expect(await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.demarcheId, demarche.id))).toEqual([]);
  });

  it("answers 404 to another administrateur on the page and every form, and changes nothing", async () => {
    const { db } = server.database;
    const { demarche } = await buildDemarche(db);
    const [subscription] = await db
      .insert(webhookSubscriptions)
      .values({ demarcheId: demarche.id, url: "https://8.8.8.8/a", eventKinds: [], secret: "whsec_x" })
      .returning();
    const { browser } = await newAdministrateur(server);
    await browser.get("/admin/procedures");
    const csrf = browser.csrf();
    const page = `/admin/procedures/${demarche.id}/webhooks`;
    expect((await browser.get(page)).status).toBe(404);
    for (const fields of <Array<Record<string, string>>>[
      { intent: "create", url: "https://8.8.4.4/x" },
      { intent: "update", subscriptionId: String(subscription?.id), url: "https://8.8.4.4/x" },
      { intent: "delete", subscriptionId: String(subscription?.id) },
      { intent: "legacy", url: "https://8.8.4.4/x" },
      { intent: "replay", deliveryId: "1" },
      { intent: "replay-range", from: "2026-01-01T00:00", to: "2030-01-01T00:00" },
    ]) {
      expect((await browser.post(page, fields, { csrf })).status, JSON.stringify(fields)).toBe(404);
    }
    const rows = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.demarcheId, demarche.id));
    expect(rows.map((r) => r.url)).toEqual(["https://8.8.8.8/a"]);
    const [settings] = await db.select({ url: demarches.webHookUrl }).from(demarches).where(eq(demarches.id, demarche.id));
    expect(settings?.url).toBeNull();
  });
});
