/** Sign-in, sign-out, rate limit and CSRF through real HTTP, as a browser without JavaScript. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits, sessions, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { GOOD_PASSWORD } from "./helpers";

let server: TestServer;
let usagerId: number;

beforeAll(async () => {
  server = await startTestServer();
  ({ userId: usagerId } = await ensureUser(server.database.db, { email: "usager@exemple.fr", password: GOOD_PASSWORD }));
  await ensureUser(server.database.db, {
    email: "admin@exemple.fr",
    password: GOOD_PASSWORD,
    roles: ["administrateur", "instructeur"],
  });
});
afterAll(() => server?.stop());

const countSessions = async () => (await server.database.db.select().from(sessions)).length;

describe("sign-in through HTTP", () => {
  it("has a labelled form with the right autocomplete attributes and links", async () => {
    const browser = new HttpSession(server.url);
    const page = await browser.get("/users/sign_in?redirect_to=%2Fcommencer%2Fx");
    expect(page.status).toBe(200);
    const html = browser.lastHtml;
    expect(html).toContain("<title>Connexion – Guichet</title>");
    const main = html.slice(html.indexOf('<main id="contenu"'), html.indexOf("</main>"));
    expect(main.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain('<label class="fr-label" for="email">');
    expect(html).toContain('<label class="fr-label" for="password">');
    expect(html).toMatch(/autocomplete="email"/i);
    expect(html).toMatch(/autocomplete="current-password"/i);
    expect(html).toContain('href="/users/password/new?redirect_to=%2Fcommencer%2Fx"');
    expect(html).toContain('href="/users/sign_up?redirect_to=%2Fcommencer%2Fx"');
    expect(html).toContain('name="redirect_to" value="/commencer/x"');
  });

  it("a wrong password gets one generic message, the e-mail kept and not the password", async () => {
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_in");
    const response = await browser.post("/users/sign_in", { email: "usager@exemple.fr", password: "wrong-password-123" });
    expect(response.status).toBe(400);
    expect(browser.lastHtml).toContain("Adresse électronique ou mot de passe incorrect.");
    expect(browser.lastHtml).toContain('value="usager@exemple.fr"');
    expect(browser.lastHtml).not.toContain("wrong-password-123");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("guichet_session="))).toBe(false);
  });

  it("signs in to the user's space, or to redirect_to when safe", async () => {
    const admin = new HttpSession(server.url);
    const home = await admin.signIn("admin@exemple.fr", GOOD_PASSWORD);
    expect(home.headers.get("location")).toBe("/admin/procedures");

    const usager = new HttpSession(server.url);
    await usager.get("/users/sign_in");
    const back = await usager.post("/users/sign_in", {
      email: "usager@exemple.fr",
      password: GOOD_PASSWORD,
      redirect_to: "/commencer/x",
    });
    expect(back.headers.get("location")).toBe("/commencer/x");
    const cookie = back.headers.getSetCookie().find((c) => c.startsWith("guichet_session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=2592000/);
    const [user] = await server.database.db.select().from(users).where(eq(users.id, usagerId));
    expect(user?.lastSignInAt).not.toBeNull();

    const evil = new HttpSession(server.url);
    await evil.get("/users/sign_in");
    const safe = await evil.post("/users/sign_in", {
      email: "usager@exemple.fr",
      password: GOOD_PASSWORD,
      redirect_to: "/\t/evil.example",
    });
    expect(safe.headers.get("location")).toBe("/dossiers");

    // Already signed in: the sign-in page goes straight on.
    const again = await usager.get("/users/sign_in");
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/dossiers");
  });

  it("a forged CSRF token is refused with 403 and changes nothing", async () => {
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_in");
    const sessionsBefore = await countSessions();
    const limitsBefore = await server.database.db.select().from(rateLimits);
    const response = await browser.post(
      "/users/sign_in",
      { email: "usager@exemple.fr", password: GOOD_PASSWORD },
      { csrf: "forged" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("guichet_session="))).toBe(false);
    expect(await countSessions()).toBe(sessionsBefore);
    expect(await server.database.db.select().from(rateLimits)).toEqual(limitsBefore);

    const signUp = await browser.post("/users/sign_up", { email: "csrf@exemple.fr", password: GOOD_PASSWORD }, { csrf: null });
    expect(signUp.status).toBe(403);
    expect(await server.database.db.select().from(users).where(eq(users.email, "csrf@exemple.fr"))).toEqual([]);
  });

  it("over 10 attempts per e-mail in 15 minutes: HTTP 429 with the message", async () => {
    await ensureUser(server.database.db, { email: "cible@exemple.fr", password: GOOD_PASSWORD });
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_in");
    for (let i = 0; i < 10; i++) {
      expect((await browser.post("/users/sign_in", { email: "cible@exemple.fr", password: `wrong ${i}` })).status).toBe(400);
    }
    const refused = await browser.post("/users/sign_in", { email: "cible@exemple.fr", password: GOOD_PASSWORD });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(browser.lastHtml).toContain("Trop de tentatives");
  });
});

describe("sign-out through HTTP", () => {
  it("closes this session only, clears the cookie, goes home", async () => {
    const browser = new HttpSession(server.url);
    const elsewhere = new HttpSession(server.url);
    await browser.signIn("usager@exemple.fr", GOOD_PASSWORD);
    await elsewhere.signIn("usager@exemple.fr", GOOD_PASSWORD);
    expect((await browser.get("/profil")).status).toBe(200);
    const before = (await server.database.db.select().from(sessions).where(eq(sessions.userId, usagerId))).length;

    const out = await browser.post("/users/sign_out", {});
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/");
    expect(out.headers.getSetCookie().some((c) => c.startsWith("guichet_session=;") && /Max-Age=0/.test(c))).toBe(true);
    expect((await server.database.db.select().from(sessions).where(eq(sessions.userId, usagerId))).length).toBe(before - 1);

    const profile = await browser.get("/profil");
    expect(profile.status).toBe(302);
    expect(profile.headers.get("location")).toBe("/users/sign_in?redirect_to=%2Fprofil");
    expect((await elsewhere.get("/profil")).status).toBe(200);
  });

  it("GET /users/sign_out changes nothing and goes home", async () => {
    const browser = new HttpSession(server.url);
    await browser.signIn("usager@exemple.fr", GOOD_PASSWORD);
    const response = await browser.get("/users/sign_out");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect((await browser.get("/profil")).status).toBe(200);
  });
});
