/**
 * The CSRF token is bound to the session (and, before sign-in, to the anonymous pre-session), not to
 * a cookie of its own: a cookie planted by a neighbouring site (cookie tossing) with the token that
 * goes with it does not let a forged post through for a signed-in victim.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { GOOD_PASSWORD } from "./helpers";

let server: TestServer;
let userId: number;

beforeAll(async () => {
  server = await startTestServer();
  ({ userId } = await ensureUser(server.database.db, { email: "victime@exemple.fr", password: GOOD_PASSWORD }));
});
afterAll(() => server?.stop());

const sessionCount = async () => (await server.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

function cookieValue(response: Response, name: string): string {
  const line = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  const value = line?.split(";")[0]?.slice(name.length + 1);
  if (!value) throw new Error(`no ${name} cookie set`);
  return value;
}

/** A post with exactly these cookies, as a forged form of another site would be sent by the victim's browser. */
async function forgedPost(path: string, cookies: Record<string, string>, csrf: string) {
  return fetch(new URL(path, server.url), {
    method: "POST",
    headers: {
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ _csrf: csrf }),
    redirect: "manual",
  });
}

describe("CSRF token bound to the session", () => {
  it("refuses a planted pre-session cookie with its matching token from another browser (403, nothing changed)", async () => {
    const attacker = new HttpSession(server.url);
    const page = await attacker.get("/users/sign_in");
    const plantedCookie = cookieValue(page, "guichet_csrf");
    const attackerToken = attacker.csrf();

    const victim = new HttpSession(server.url);
    const signedIn = await victim.signIn("victime@exemple.fr", GOOD_PASSWORD);
    const victimSession = cookieValue(signedIn, "guichet_session");
    const before = await sessionCount();

    const forged = await forgedPost(
      "/users/sign_out",
      { guichet_session: victimSession, guichet_csrf: plantedCookie },
      attackerToken,
    );
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie().some((c) => c.startsWith("guichet_session="))).toBe(false);
    expect(await sessionCount()).toBe(before);
    expect((await victim.get("/profil")).status).toBe(200);
  });

  it("changes the token at sign-in: the anonymous one no longer works, the session's one does", async () => {
    const browser = new HttpSession(server.url);
    await browser.get("/users/sign_in");
    const anonymousToken = browser.csrf();
    await browser.post("/users/sign_in", { email: "victime@exemple.fr", password: GOOD_PASSWORD });
    await browser.get("/profil");
    const sessionToken = browser.csrf();
    expect(sessionToken).not.toBe(anonymousToken);

    const before = await sessionCount();
    expect((await browser.post("/users/sign_out", {}, { csrf: anonymousToken })).status).toBe(403);
    expect(await sessionCount()).toBe(before);
    const out = await browser.post("/users/sign_out", {}, { csrf: sessionToken });
    expect(out.status).toBe(302);
    expect(await sessionCount()).toBe(before - 1);
  });

  it("two sessions of the same user have different tokens", async () => {
    const one = new HttpSession(server.url);
    const two = new HttpSession(server.url);
    await one.signIn("victime@exemple.fr", GOOD_PASSWORD);
    await two.signIn("victime@exemple.fr", GOOD_PASSWORD);
    await one.get("/profil");
    await two.get("/profil");
    expect(one.csrf()).not.toBe(two.csrf());
    expect((await one.post("/users/sign_out", {}, { csrf: two.csrf() })).status).toBe(403);
  });

  it("an anonymous form needs the token of its own pre-session", async () => {
    const attacker = new HttpSession(server.url);
    await attacker.get("/users/sign_in");
    const visitor = new HttpSession(server.url);
    await visitor.get("/users/sign_in");
    const ownToken = visitor.csrf();
    const refused = await visitor.post(
      "/users/sign_in",
      { email: "victime@exemple.fr", password: GOOD_PASSWORD },
      { csrf: attacker.csrf() },
    );
    expect(refused.status).toBe(403);
    const accepted = await visitor.post(
      "/users/sign_in",
      { email: "victime@exemple.fr", password: GOOD_PASSWORD },
      { csrf: ownToken },
    );
    expect(accepted.status).toBe(302);
  });
});
