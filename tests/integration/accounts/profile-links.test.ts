/**
 * Every link of the account page leads somewhere: for each persona, the page's links (header, tiles, footer)
 * are followed and none answers 404 — the expert tile once linked to a space that did not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureUser, ROLES } from "../../../server/operations/accounts/ensure-user";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { GOOD_PASSWORD } from "./helpers";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    await ensureUser(server.database.db, { email: `${role}@exemple.fr`, password: GOOD_PASSWORD, roles: [role] });
  }
});
afterAll(() => server?.stop());

/** The same-site links of a page (`href="/…"`), fragments and assets aside. */
function internalLinks(html: string): string[] {
  const hrefs = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
  return [
    ...new Set(hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//")).map((href) => href.split("#")[0] ?? "")),
  ];
}

describe("links of /profil", () => {
  it.each(ROLES)("every link shown to a %s answers, none is a 404", async (role) => {
    const browser = new HttpSession(server.url);
    await browser.signIn(`${role}@exemple.fr`, GOOD_PASSWORD);
    expect((await browser.get("/profil")).status).toBe(200);
    const links = internalLinks(browser.lastHtml);
    expect(links).toContain("/dossiers");
    const broken: string[] = [];
    for (const link of links) {
      const response = await browser.get(link);
      if (response.status === 404 || response.status >= 500) broken.push(`${link} → ${response.status}`);
    }
    expect(broken).toEqual([]);
  });
});
