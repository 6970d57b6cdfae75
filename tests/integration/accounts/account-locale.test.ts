/**
 * The language is the account's, not only the browser's: chosen while signed in, it is saved on the
 * account and the next e-mails are written in it; at sign-in, the account's language becomes the pages'.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { GOOD_PASSWORD } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function accountLocale(userId: number) {
  const [row] = await server.database.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale;
}

async function subjectsTo(email: string) {
  const rows = await server.database.db.select().from(mailboxMessages).where(eq(mailboxMessages.to, email));
  return rows.map((row) => row.subject);
}

describe("the account's language", () => {
  it("is saved when a signed-in user switches language, and the next e-mail is written in it", async () => {
    const email = "camille.locale@exemple.fr";
    const { userId } = await ensureUser(server.database.db, { email, password: GOOD_PASSWORD });
    expect(await accountLocale(userId)).toBe("fr");

    const browser = new HttpSession(server.url);
    await browser.signIn(email, GOOD_PASSWORD);
    await browser.get("/dossiers");
    const switched = await browser.post("/langue", { locale: "en", redirect_to: "/dossiers" });
    expect(switched.headers.get("location")).toBe("/dossiers");
    expect(await accountLocale(userId)).toBe("en");

    const { demarche } = await buildDemarche(server.database.db, { libelle: "Aide aux projets" });
    const { dossierId } = await buildDossier(server.database.db, {
      demarche,
      usager: { userId, email },
      state: "en_construction",
    });
    await server.runJobs();
    expect(await subjectsTo(email)).toEqual([`Your file no. ${dossierId} has been submitted (Aide aux projets)`]);

    // Back to French: saved again.
    await browser.get("/dossiers");
    await browser.post("/langue", { locale: "fr", redirect_to: "/dossiers" });
    expect(await accountLocale(userId)).toBe("fr");
  });

  it("an anonymous choice stays in the browser and changes no account", async () => {
    const email = "dominique.locale@exemple.fr";
    const { userId } = await ensureUser(server.database.db, { email, password: GOOD_PASSWORD });
    const browser = new HttpSession(server.url);
    await browser.get("/");
    const switched = await browser.post("/langue", { locale: "en", redirect_to: "/" });
    expect(switched.headers.getSetCookie().some((c) => c.startsWith("guichet_locale=en"))).toBe(true);
    expect(await accountLocale(userId)).toBe("fr");
  });

  it("becomes the pages' language at sign-in, over the browser's", async () => {
    const email = "alex.locale@exemple.fr";
    const { userId } = await ensureUser(server.database.db, { email, password: GOOD_PASSWORD });
    await server.database.db.update(users).set({ locale: "en" }).where(eq(users.id, userId));

    const browser = new HttpSession(server.url);
    await browser.get("/");
    expect(browser.lastHtml).toContain('<html lang="fr"');
    const signedIn = await browser.signIn(email, GOOD_PASSWORD);
    expect(signedIn.headers.getSetCookie().some((c) => c.startsWith("guichet_locale=en"))).toBe(true);
    await browser.get("/dossiers");
    expect(browser.lastHtml).toContain('<html lang="en"');
  });
});
