/**
 * FranceConnect's authorization code flow against the real local provider (oidc-provider), through
 * HTTP as a browser without JavaScript: new account, existing e-mail linked only after proof
 * (password or e-mail link), tampered or replayed state, provider error, missing e-mail, logout at
 * the provider, identity pre-filled on a dossier.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { franceConnectInformations, franceConnectRequests, sessions, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer } from "../../support/server";
import { HttpSession } from "../../support/http-session";
import { deliverMails, GOOD_PASSWORD, linkIn, mailsTo } from "../accounts/helpers";
import { Browser, openProviderLogin, pickIdentity, startTestbed, type Testbed } from "./support";

let bed: Testbed;
let appUrl: string;
let appHost: string;

beforeAll(async () => {
  bed = await startTestbed();
  appUrl = bed.server.url;
  appHost = new URL(appUrl).host;
});
afterAll(() => bed?.stop());

const db = () => bed.server.database.db;
const userCount = async () => (await db().select({ n: count() }).from(users))[0]?.n ?? 0;
const informationOf = async (sub: string) =>
  (await db().select().from(franceConnectInformations).where(eq(franceConnectInformations.sub, sub)))[0];

async function signInWith(browser: Browser, sub: string, redirectTo?: string) {
  await openProviderLogin(browser, appUrl, redirectTo);
  const callback = await pickIdentity(browser, sub);
  return { callback, response: await browser.get(callback) };
}

describe("FranceConnect sign-up", () => {
  it("shows the DSFR button on sign-in and sign-up, with the « Qu'est-ce que FranceConnect ? » link", async () => {
    const browser = new Browser();
    for (const path of ["/users/sign_in", "/users/sign_up"]) {
      expect((await browser.get(path, appUrl)).status).toBe(200);
      expect(browser.lastHtml).toContain('<button type="submit" class="fr-connect">');
      expect(browser.lastHtml).toContain("S’identifier avec");
      expect(browser.lastHtml).toContain('href="https://franceconnect.gouv.fr/"');
      expect(browser.lastHtml).toContain("Qu’est-ce que FranceConnect ?");
    }
  });

  it("sends PKCE, state, nonce, the scopes and acr_values=eidas1 to the provider, the state kept server-side", async () => {
    const browser = new Browser();
    const start = await browser.get("/france_connect/particulier", appUrl);
    expect(start.status).toBe(302);
    const url = new URL(start.headers.get("location") as string);
    expect(url.origin).toBe(bed.provider.issuer);
    const p = url.searchParams;
    expect(p.get("scope")).toBe("openid email given_name family_name birthdate gender");
    expect(p.get("acr_values")).toBe("eidas1");
    expect(p.get("code_challenge_method")).toBe("S256");
    expect(p.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(p.get("redirect_uri")).toBe(`${appUrl}/france_connect/particulier/callback`);
    expect(p.get("nonce")).toBeTruthy();
    expect(browser.cookie(appHost, "guichet_fc")).toBeTruthy();
    // Only the state's hash is stored.
    const rows = await db().select().from(franceConnectRequests);
    expect(rows.some((r) => r.stateHash === p.get("state"))).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("creates a confirmed account for a new e-mail, signs it in, and pre-fills the identity step", async () => {
    const before = await userCount();
    const browser = new Browser();
    const { response } = await signInWith(browser, "demo-angela-dubois");
    expect(response.status).toBe(302);
    expect(browser.cookie(appHost, "guichet_session")).toBeTruthy();
    expect(browser.cookie(appHost, "guichet_fc")).toBeUndefined();
    expect(await userCount()).toBe(before + 1);
    const [user] = await db().select().from(users).where(eq(users.email, "angela.dubois@exemple.fr"));
    expect(user?.emailConfirmedAt).not.toBeNull();
    expect(user?.passwordHash).toBeNull();
    const info = await informationOf("demo-angela-dubois");
    expect(info).toMatchObject({
      userId: user?.id,
      gender: "female",
      givenName: "Angela Claire Louise",
      familyName: "DUBOIS",
      birthdate: "1962-08-24",
      emailFranceConnect: "angela.dubois@exemple.fr",
    });
    const [session] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user?.id as number));
    expect(session?.franceConnectIdToken).toMatch(/^ey/);

    // A dossier: the identity step is pre-filled and says where it comes from.
    const { path } = await buildDemarche(db());
    await browser.get(`/commencer/${path}`, appUrl);
    const started = await browser.post(`/commencer/${path}`, { _csrf: browser.csrf() }, appUrl);
    expect(started.status).toBe(302);
    const identityUrl = started.headers.get("location") as string;
    expect(identityUrl).toMatch(/\/dossiers\/\d+\/identite$/);
    await browser.get(identityUrl, appUrl);
    const html = browser.lastHtml;
    expect(html).toContain("Identité transmise par FranceConnect");
    expect(html).toContain("24 août 1962");
    expect(html).toMatch(/id="identite-civilite-mme" name="civilite" checked="" value="Mme"/);
    expect(html).toMatch(/name="nom"[^>]*value="DUBOIS"/);
    expect(html).toMatch(/name="prenom"[^>]*value="Angela Claire Louise"/);
  });

  it("signs the same FranceConnect identity in again without a new account", async () => {
    const before = await userCount();
    const browser = new Browser();
    const { response } = await signInWith(browser, "demo-angela-dubois", "/dossiers");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/dossiers");
    expect(await userCount()).toBe(before);
  });
});

describe("an e-mail that already has an account", () => {
  it("links only after the account's password is given; a wrong password links nothing", async () => {
    const { userId } = await ensureUser(db(), { email: "usager@exemple.fr", password: GOOD_PASSWORD });
    const before = await userCount();
    const browser = new Browser();
    const { response } = await signInWith(browser, "demo-usager-existant");
    expect(response.status).toBe(302);
    const mergePath = response.headers.get("location") as string;
    expect(mergePath).toMatch(/^\/france_connect\/particulier\/merge\/[\w-]+$/);
    expect(browser.cookie(appHost, "guichet_session")).toBeUndefined();
    expect((await informationOf("demo-usager-existant"))?.userId).toBeNull();

    expect((await browser.get(mergePath, appUrl)).status).toBe(200);
    expect(browser.lastHtml).toContain("Un compte Guichet existe déjà avec l’adresse usager@exemple.fr");
    const wrong = await browser.post(
      mergePath,
      { _csrf: browser.csrf(), intent: "password", password: "not-the-password" },
      appUrl,
    );
    expect(wrong.status).toBe(400);
    expect(browser.lastHtml).toContain("Mot de passe incorrect.");
    expect((await informationOf("demo-usager-existant"))?.userId).toBeNull();

    // Without the CSRF field (a form posted from another site): refused, nothing linked.
    const forged = await browser.post(mergePath, { intent: "password", password: GOOD_PASSWORD }, appUrl);
    expect(forged.status).toBe(403);
    expect((await informationOf("demo-usager-existant"))?.userId).toBeNull();
    await browser.get(mergePath, appUrl);

    const right = await browser.post(mergePath, { _csrf: browser.csrf(), intent: "password", password: GOOD_PASSWORD }, appUrl);
    expect(right.status).toBe(302);
    expect(browser.cookie(appHost, "guichet_session")).toBeTruthy();
    expect((await informationOf("demo-usager-existant"))?.userId).toBe(userId);
    expect(await userCount()).toBe(before);
    const [session] = await db().select().from(sessions).where(eq(sessions.userId, userId)).limit(1);
    expect(session?.franceConnectIdToken).toMatch(/^ey/);
    // The merge link served once.
    expect((await browser.get(mergePath, appUrl)).status).toBe(410);
  });

  it("links after the e-mail link instead, for an account without password too", async () => {
    const { userId } = await ensureUser(db(), { email: "pierre.mercier@exemple.fr" });
    const browser = new Browser();
    const { response } = await signInWith(browser, "demo-pierre-mercier");
    const mergePath = response.headers.get("location") as string;
    await browser.get(mergePath, appUrl);
    expect(browser.lastHtml).toContain("Ce compte n’a pas encore de mot de passe");
    const sent = await browser.post(mergePath, { _csrf: browser.csrf(), intent: "email" }, appUrl);
    expect(sent.status).toBe(200);
    expect(browser.lastHtml).toContain("Un e-mail a été envoyé à pierre.mercier@exemple.fr");
    expect((await informationOf("demo-pierre-mercier"))?.userId).toBeNull();

    await deliverMails(bed.server.database);
    const [mail] = await mailsTo(db(), "pierre.mercier@exemple.fr");
    expect(mail?.subject).toBe("Liez votre compte à FranceConnect");
    const link = linkIn(mail?.text ?? "", "/france_connect/particulier/merge_with_existing_account");
    const other = new Browser();
    const opened = await other.get(link, appUrl);
    expect(opened.status).toBe(302);
    expect(other.cookie(appHost, "guichet_session")).toBeTruthy();
    expect((await informationOf("demo-pierre-mercier"))?.userId).toBe(userId);
    expect((await other.get(link, appUrl)).status).toBe(410);
  });
});

describe("refused callbacks: a clear page, nothing created", () => {
  it("refuses a tampered state, a replayed one and one from another browser", async () => {
    const before = await userCount();
    const browser = new Browser();
    await openProviderLogin(browser, appUrl);
    const callback = await pickIdentity(browser, "demo-angela-dubois");

    const tampered = new URL(callback);
    tampered.searchParams.set("state", "x".repeat(43));
    expect((await browser.get(tampered)).status).toBe(400);
    expect(browser.lastHtml).toContain(
      "La demande de connexion est inconnue, a expiré ou a été ouverte dans un autre navigateur",
    );

    // Another browser (no binding cookie) with the real callback: refused, and the state is used up.
    const thief = new Browser();
    expect((await thief.get(callback)).status).toBe(400);
    browser.setCookie(appHost, "guichet_fc", browser.cookie(appHost, "guichet_fc") ?? "gone");
    expect((await browser.get(callback)).status).toBe(400);
    expect(browser.cookie(appHost, "guichet_session")).toBeUndefined();
    expect(await userCount()).toBe(before);
  });

  it("shows the provider's error (the person cancelled)", async () => {
    const before = await userCount();
    const browser = new Browser();
    await openProviderLogin(browser, appUrl);
    const action = /<form method="post" action="([^"]+\/abort)"/.exec(browser.lastHtml)?.[1] as string;
    const aborted = await browser.follow(await browser.post(action, {}), /\/france_connect\/particulier\/callback/);
    const callback = new URL(aborted.headers.get("location") as string, browser.lastUrl);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect((await browser.get(callback)).status).toBe(400);
    expect(browser.lastHtml).toContain("FranceConnect a interrompu la connexion");
    expect(await userCount()).toBe(before);
  });

  it("refuses an identity without e-mail", async () => {
    const before = await userCount();
    const browser = new Browser();
    const { response } = await signInWith(browser, "demo-sans-email");
    expect(response.status).toBe(400);
    expect(browser.lastHtml).toContain("FranceConnect n’a pas transmis d’adresse électronique");
    expect(await informationOf("demo-sans-email")).toBeUndefined();
    expect(await userCount()).toBe(before);
  });
});

describe("sign-out", () => {
  it("also signs out of FranceConnect: end-session with id_token_hint and post_logout_redirect_uri", async () => {
    const browser = new Browser();
    await signInWith(browser, "demo-angela-dubois");
    await browser.get("/", appUrl);
    const out = await browser.post("/users/sign_out", { _csrf: browser.csrf() }, appUrl);
    expect(out.status).toBe(302);
    const end = new URL(out.headers.get("location") as string);
    expect(end.origin).toBe(bed.provider.issuer);
    expect(end.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${appUrl}/`);
    expect(browser.cookie(appHost, "guichet_session")).toBeUndefined();
    // The provider's confirmation, then back home.
    const page = await browser.get(end);
    expect(page.status).toBe(200);
    const form = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(browser.lastHtml);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(browser.lastHtml);
    expect(form?.[1]).toBeTruthy();
    const back = await browser.follow(
      await browser.post(form?.[1] as string, { xsrf: xsrf?.[1] ?? "", logout: "yes" }),
      /^http:\/\/127\.0\.0\.1:\d+\/$/,
    );
    expect(back.headers.get("location")).toBe(`${appUrl}/`);
  });

  it("a password session signs out here only", async () => {
    await ensureUser(db(), { email: "simple@exemple.fr", password: GOOD_PASSWORD });
    const session = new HttpSession(appUrl);
    await session.signIn("simple@exemple.fr", GOOD_PASSWORD);
    const out = await session.post("/users/sign_out", {});
    expect(out.headers.get("location")).toBe("/");
  });
});

describe("without configuration", () => {
  it("has no button and no FranceConnect pages", async () => {
    const plain = await startTestServer();
    try {
      const session = new HttpSession(plain.url);
      await session.get("/users/sign_in");
      expect(session.lastHtml).not.toContain("fr-connect");
      expect((await session.get("/france_connect/particulier")).status).toBe(404);
      expect((await session.get("/france_connect/particulier/callback?state=x&code=y")).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
