import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTokens, sessions, users } from "../../../server/db/schema";
import { confirmEmail } from "../../../server/operations/accounts/confirm-email";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { resendConfirmation } from "../../../server/operations/accounts/resend-confirmation";
import { signUp } from "../../../server/operations/accounts/sign-up";
import { verifyPassword } from "../../../server/security/passwords";
import { sha256Hex } from "../../../server/security/tokens";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, GOOD_PASSWORD, linkIn, mailsTo, queuedMailTemplates, tokenOf } from "./helpers";

let database: TestDatabase;
const ip = "192.0.2.1";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function userByEmail(email: string) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return user;
}

describe("sign-up", () => {
  it("creates an unconfirmed account with an argon2 hash and mails a confirmation link keeping redirect_to", async () => {
    const result = await signUp(database.db, {
      email: "  Nouvelle.Usagere@Exemple.FR ",
      password: GOOD_PASSWORD,
      locale: "fr",
      ip,
      redirectTo: "/commencer/aide-logement",
    });
    expect(result).toEqual({ ok: true, email: "nouvelle.usagere@exemple.fr" });
    const user = await userByEmail("nouvelle.usagere@exemple.fr");
    expect(user?.emailConfirmedAt).toBeNull();
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user?.passwordHash ?? "", GOOD_PASSWORD)).toBe(true);

    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "nouvelle.usagere@exemple.fr");
    expect(mail?.subject).toBe("Confirmez votre adresse électronique");
    const link = linkIn(mail?.text ?? "", "/users/confirmation");
    expect(new URL(link, "http://x").searchParams.get("redirect_to")).toBe("/commencer/aide-logement");
    expect(mail?.text).toContain(`${database.config.appUrl}/users/confirmation?`);
    // Only the hash of the token is stored.
    const [token] = await database.db
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.userId, user?.id ?? 0));
    expect(token?.tokenHash).toBe(sha256Hex(tokenOf(link)));
  });

  it("does not reveal an existing address: same answer, a mail to that address, nothing changed", async () => {
    const { userId } = await ensureUser(database.db, { email: "deja@exemple.fr", password: GOOD_PASSWORD });
    const before = await userByEmail("deja@exemple.fr");
    const result = await signUp(database.db, { email: "deja@exemple.fr", password: "another long password", locale: "en", ip });
    expect(result).toEqual({ ok: true, email: "deja@exemple.fr" });
    expect(await userByEmail("deja@exemple.fr")).toEqual(before);
    expect(await database.db.select().from(emailTokens).where(eq(emailTokens.userId, userId))).toEqual([]);
    expect(await queuedMailTemplates(database.db, "deja@exemple.fr")).toEqual(["account_exists"]);
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "deja@exemple.fr");
    expect(mail?.subject).toBe("You already have a Guichet account");
    expect(linkIn(mail?.text ?? "", "/users/sign_in")).toBe("/users/sign_in");
    expect(linkIn(mail?.text ?? "", "/users/password/new")).toBe("/users/password/new");
  });

  it("checks the e-mail and the password rules on the server", async () => {
    expect(await signUp(database.db, { email: "", password: "", locale: "fr", ip })).toEqual({
      ok: false,
      refusals: [
        { code: "emailRequired", field: "email" },
        { code: "passwordRequired", field: "password" },
      ],
    });
    expect(await signUp(database.db, { email: "pas-une-adresse", password: "court", locale: "fr", ip })).toEqual({
      ok: false,
      refusals: [
        { code: "emailInvalid", field: "email" },
        { code: "passwordTooShort", field: "password" },
      ],
    });
    const tooLong = await signUp(database.db, { email: "long@exemple.fr", password: "x".repeat(129), locale: "fr", ip });
    expect(tooLong).toMatchObject({ ok: false, refusals: [{ code: "passwordTooLong", field: "password" }] });
    expect(await userByEmail("long@exemple.fr")).toBeUndefined();
    expect(await signUp(database.db, { email: "juste@exemple.fr", password: "x".repeat(12), locale: "fr", ip })).toMatchObject({
      ok: true,
    });
  });

  it("drops an unsafe redirect_to from the link", async () => {
    await signUp(database.db, {
      email: "redir@exemple.fr",
      password: GOOD_PASSWORD,
      locale: "fr",
      ip,
      redirectTo: "//evil.example/x",
    });
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "redir@exemple.fr");
    expect(linkIn(mail?.text ?? "", "/users/confirmation")).not.toContain("redirect_to");
  });
});

describe("confirmation", () => {
  it("confirms, opens a session, and works only once", async () => {
    await signUp(database.db, { email: "confirme@exemple.fr", password: GOOD_PASSWORD, locale: "fr", ip });
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "confirme@exemple.fr");
    const token = tokenOf(linkIn(mail?.text ?? "", "/users/confirmation"));
    const result = await confirmEmail(database.db, { token, userAgent: "vitest" });
    expect(result).toMatchObject({ ok: true, homePath: "/dossiers" });
    const user = await userByEmail("confirme@exemple.fr");
    expect(user?.emailConfirmedAt).not.toBeNull();
    expect(user?.lastSignInAt).not.toBeNull();
    if (!result.ok) throw new Error("unreachable");
    const [session] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, sha256Hex(result.sessionToken)));
    expect(session?.userId).toBe(user?.id);
    expect(await confirmEmail(database.db, { token, userAgent: null })).toEqual({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
  });

  it("resending: a new link for an unconfirmed account; the same answer for others", async () => {
    await signUp(database.db, { email: "renvoi@exemple.fr", password: GOOD_PASSWORD, locale: "fr", ip });
    await ensureUser(database.db, { email: "actif@exemple.fr", password: GOOD_PASSWORD });
    const answers = await Promise.all(
      ["renvoi@exemple.fr", "actif@exemple.fr", "personne@exemple.fr"].map((email) =>
        resendConfirmation(database.db, { email, locale: "fr", ip: "192.0.2.50" }),
      ),
    );
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(await queuedMailTemplates(database.db, "renvoi@exemple.fr")).toEqual(["confirm_email", "confirm_email"]);
    expect(await queuedMailTemplates(database.db, "actif@exemple.fr")).toEqual(["account_exists"]);
    expect(await queuedMailTemplates(database.db, "personne@exemple.fr")).toEqual([]);
    await deliverMails(database);
    const mails = await mailsTo(database.db, "renvoi@exemple.fr");
    // Both links work until one is used; then the other one is revoked.
    const [first, second] = mails.map((m) => tokenOf(linkIn(m.text, "/users/confirmation")));
    expect(await confirmEmail(database.db, { token: second, userAgent: null })).toMatchObject({ ok: true });
    expect(await confirmEmail(database.db, { token: first, userAgent: null })).toMatchObject({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
  });

  it("rate-limits resending to 5 per hour per e-mail", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await resendConfirmation(database.db, { email: "flood@exemple.fr", locale: "fr", ip: `192.0.2.${100 + i}` }));
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(results[5]).toMatchObject({ refusals: [{ code: "rate_limited" }] });
  });
});
