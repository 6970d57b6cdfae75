/**
 * The persona guard (app/lib/persona-guard.server.ts) answers a refused form exactly as it answers the
 * page: 404 below the root, with the header of the signed-in user — and no action runs.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { buildDemarche, buildUser } from "../../../server/seed/factories";
import { pageText } from "../../support/html";
import { startTestServer, type TestServer } from "../../support/server";
import { signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The page's main content, without what differs per response (nonce, CSRF token). */
function mainText(html: string): string {
  return pageText(html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? "");
}

describe("a form refused by the persona guard", () => {
  it("renders the same 404 page as the GET, header included, and changes nothing", async () => {
    const { db } = server.database;
    const { demarche } = await buildDemarche(db);
    const usager = await buildUser(db);
    const browser = await signedIn(server, usager.email);
    await browser.get("/");
    const csrf = browser.csrf();
    const [before] = await db.select({ n: count() }).from(demarches);
    const attempts: Array<[string, Record<string, string>]> = [
      ["/admin/procedures/new", { libelle: "Piratée", description: "x", dureeConservation: "1" }],
      [`/admin/procedures/${demarche.id}/fermeture`, { intent: "unpublish" }],
      [`/procedures/${demarche.id}`, { intent: "follow" }],
      ["/avis/1", { intent: "answer", answer: "x" }],
    ];
    for (const [path, fields] of attempts) {
      const page = await browser.get(path);
      expect(page.status, `GET ${path}`).toBe(404);
      const pageHtml = browser.lastHtml;
      const refused = await browser.post(path, fields, { csrf });
      expect(refused.status, `POST ${path}`).toBe(404);
      expect(refused.headers.get("content-type")).toContain("text/html");
      // The header of the signed-in user (sign-out form) and the page's 404 text, as on GET.
      expect(browser.lastHtml, `POST ${path}`).toContain('action="/users/sign_out"');
      expect(browser.lastHtml).toContain(`name="_csrf" value="${csrf}"`);
      expect(mainText(browser.lastHtml)).toBe(mainText(pageHtml));
      expect(pageText(browser.lastHtml)).toBe(pageText(pageHtml).replace(/\s+/g, " "));
    }
    const [after] = await db.select({ n: count() }).from(demarches);
    expect(after?.n).toBe(before?.n);
    const [still] = await db.select({ state: demarches.state }).from(demarches).where(eq(demarches.id, demarche.id));
    expect(still?.state).toBe(demarche.state);
  });

  it("answers a refused `.data` fetch (a page with JavaScript) with a bare 404, changing nothing", async () => {
    const { db } = server.database;
    const usager = await buildUser(db);
    const browser = await signedIn(server, usager.email);
    await browser.get("/");
    const csrf = browser.csrf();
    const [before] = await db.select({ n: count() }).from(demarches);
    const refused = await browser.post(
      "/admin/procedures/new.data",
      { libelle: "Piratée", description: "x", dureeConservation: "1" },
      { csrf },
    );
    expect(refused.headers.get("content-type")).not.toContain("text/html");
    expect(await refused.text()).toContain("404");
    const [after] = await db.select({ n: count() }).from(demarches);
    expect(after?.n).toBe(before?.n);
  });
});
