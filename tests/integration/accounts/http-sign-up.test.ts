/** The sign-up, confirmation and password-reset journeys through real HTTP, as a browser without JavaScript. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { inviteUser } from "../../../server/operations/accounts/invite-user";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { GOOD_PASSWORD, linkIn, mailsTo } from "./helpers";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("sign-up through HTTP", () => {
  it("sign-up → mail → confirmation link → signed in, back where the usager came from", async () => {
    const browser = new HttpSession(server.url);
    const page = await browser.get("/users/sign_up?redirect_to=%2Fcommencer%2Fma-demarche");
    expect(page.status).toBe(200);
    expect(browser.lastHtml).toContain("<title>Création de compte – Guichet</title>");
    expect(browser.lastHtml).toContain("Au moins 12 caractères, au plus 128.");
    expect(browser.lastHtml).toMatch(/autocomplete="new-password"/i);

    const answer = await browser.post("/users/sign_up?redirect_to=%2Fcommencer%2Fma-demarche", {
      email: "Camille@Exemple.fr",
      password: GOOD_PASSWORD,
      redirect_to: "/commencer/ma-demarche",
    });
    expect(answer.status).toBe(200);
    expect(browser.lastHtml).toContain("Vérifiez votre boîte mail");
    expect(browser.lastHtml).toContain("camille@exemple.fr");

    await server.runJobs();
    const [mail] = await mailsTo(server.database.db, "camille@exemple.fr");
    const link = linkIn(mail?.text ?? "", "/users/confirmation");
    const confirmed = await browser.get(link);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/commencer/ma-demarche");
    expect(confirmed.headers.getSetCookie().some((c) => c.startsWith("guichet_session=") && /HttpOnly/.test(c))).toBe(true);

    // The next page says the address is confirmed, once.
    const profile = await browser.get("/profil");
    expect(profile.status).toBe(200);
    // (The page's translations travel in its HTML too: look for the alert itself.)
    const confirmedAlert =
      /<div class="fr-alert fr-alert--success[^"]*" role="status"><p>Votre adresse électronique est confirmée\. Vous êtes connecté\.<\/p>/;
    expect(browser.lastHtml).toMatch(confirmedAlert);
    expect(browser.lastHtml).toContain("camille@exemple.fr");
    await browser.get("/profil");
    expect(browser.lastHtml).not.toMatch(confirmedAlert);
    expect(browser.lastHtml).not.toContain("fr-alert--success");
    expect(browser.lastHtml).toContain('href="/dossiers"');

    // The link is single-use: a second visit explains and offers a new one.
    const again = await new HttpSession(server.url).get(link);
    expect(again.status).toBe(410);
    const html = await again.text();
    expect(html).toContain("déjà été utilisé");
    expect(html).toContain('href="/users/confirmation/new?redirect_to=%2Fcommencer%2Fma-demarche"');
  });

  it("shows the errors next to the fields and in a summary, keeping the e-mail", async () => {
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_up");
    const answer = await browser.post("/users/sign_up", { email: "pas-une-adresse", password: "court" });
    expect(answer.status).toBe(400);
    const html = browser.lastHtml;
    expect(html).toContain("<title>Erreur – Création de compte – Guichet</title>");
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#password"');
    expect(html).toContain('aria-describedby="password-error"');
    expect(html).toContain('id="password-error" class="fr-error-text"');
    expect(html).toContain("Le mot de passe doit contenir au moins 12 caractères.");
    expect(html).toContain('value="pas-une-adresse"');
    expect(html).not.toContain('value="court"');
  });

  it("answers an existing address like a new one", async () => {
    await ensureUser(server.database.db, { email: "existe@exemple.fr", password: GOOD_PASSWORD });
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_up");
    const answer = await browser.post("/users/sign_up", { email: "existe@exemple.fr", password: GOOD_PASSWORD });
    expect(answer.status).toBe(200);
    expect(browser.lastHtml).toContain("Vérifiez votre boîte mail");
  });

  it("an unknown confirmation token gets a clear page", async () => {
    const response = await new HttpSession(server.url).get("/users/confirmation?token=nope");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Lien de confirmation non valable");
  });
});

describe("forgotten password through HTTP", () => {
  it("request → mail → new password → other sessions closed, signed in, back to redirect_to", async () => {
    const { userId } = await ensureUser(server.database.db, { email: "oubli@exemple.fr", password: GOOD_PASSWORD });
    const other = new HttpSession(server.url);
    await other.signIn("oubli@exemple.fr", GOOD_PASSWORD);

    const browser = new HttpSession(server.url);
    await browser.get("/users/password/new?redirect_to=%2Fcommencer%2Fx");
    await browser.post("/users/password/new?redirect_to=%2Fcommencer%2Fx", {
      email: "oubli@exemple.fr",
      redirect_to: "/commencer/x",
    });
    expect(browser.lastHtml).toContain("Si un compte existe pour oubli@exemple.fr");
    await server.runJobs();
    const [mail] = await mailsTo(server.database.db, "oubli@exemple.fr");
    const link = linkIn(mail?.text ?? "", "/users/password/edit");

    const form = await browser.get(link);
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("no-store");
    expect(browser.lastHtml).toMatch(/autocomplete="new-password"/i);
    expect(browser.lastHtml).toContain('name="redirect_to" value="/commencer/x"');
    const token = new URL(link, server.url).searchParams.get("token") ?? "";
    const done = await browser.post(link, { token, password: "my new long passphrase", redirect_to: "/commencer/x" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/commencer/x");

    const remaining = await server.database.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(remaining).toHaveLength(1);
    expect((await other.get("/profil")).status).toBe(302);
    expect((await browser.get("/profil")).status).toBe(200);
    const [user] = await server.database.db.select().from(users).where(eq(users.id, userId));
    expect(user?.lastSignInAt).not.toBeNull();
  });
});

describe("invitation through HTTP", () => {
  it("invitation mail → choose a password → signed in", async () => {
    await server.database.db.transaction((tx) =>
      inviteUser(tx, {
        email: "agent@exemple.fr",
        invitedByEmail: "admin@exemple.fr",
        reason: "instructeur",
        demarcheLibelle: "Aides",
        locale: "fr",
      }),
    );
    await server.runJobs();
    const [mail] = await mailsTo(server.database.db, "agent@exemple.fr");
    const link = linkIn(mail?.text ?? "", "/users/invitation");
    const browser = new HttpSession(server.url);
    expect((await browser.get(link)).status).toBe(200);
    expect(browser.lastHtml).toContain("<title>Activation du compte – Guichet</title>");
    expect(browser.lastHtml).toContain("Choisissez votre mot de passe");
    const token = new URL(link, server.url).searchParams.get("token") ?? "";
    const done = await browser.post(link, { token, password: GOOD_PASSWORD });
    expect(done.status).toBe(302);
    expect((await browser.get("/profil")).status).toBe(200);
    // The link is now spent.
    expect((await new HttpSession(server.url).get(link)).status).toBe(410);
  });
});
