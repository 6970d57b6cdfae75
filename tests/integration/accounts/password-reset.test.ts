import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTokens, sessions, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { requestPasswordReset } from "../../../server/operations/accounts/request-password-reset";
import { resetPassword } from "../../../server/operations/accounts/reset-password";
import { signIn } from "../../../server/operations/accounts/sign-in";
import { signUp } from "../../../server/operations/accounts/sign-up";
import { verifyPassword } from "../../../server/security/passwords";
import { sha256Hex } from "../../../server/security/tokens";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, GOOD_PASSWORD, linkIn, mailsTo, queuedMailTemplates, tokenOf } from "./helpers";

let database: TestDatabase;
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function resetLink(email: string, ip = "192.0.2.20") {
  expect(await requestPasswordReset(database.db, { email, locale: "fr", ip })).toEqual({ ok: true, email });
  await deliverMails(database);
  const mails = await mailsTo(database.db, email);
  const last = mails.at(-1);
  expect(last?.subject).toBe("Choisissez un nouveau mot de passe");
  return linkIn(last?.text ?? "", "/users/password/edit");
}

describe("password reset", () => {
  it("answers the same for an unknown address and sends nothing", async () => {
    expect(await requestPasswordReset(database.db, { email: "Inconnu@Exemple.fr", locale: "fr", ip: "192.0.2.21" })).toEqual({
      ok: true,
      email: "inconnu@exemple.fr",
    });
    expect(await queuedMailTemplates(database.db, "inconnu@exemple.fr")).toEqual([]);
  });

  it("sets the password, closes every session, signs in with a new one; the link works once", async () => {
    const { userId } = await ensureUser(database.db, { email: "oubli@exemple.fr", password: GOOD_PASSWORD });
    const laptop = await signIn(database.db, {
      email: "oubli@exemple.fr",
      password: GOOD_PASSWORD,
      ip: "192.0.2.22",
      userAgent: "laptop",
    });
    const phone = await signIn(database.db, {
      email: "oubli@exemple.fr",
      password: GOOD_PASSWORD,
      ip: "192.0.2.22",
      userAgent: "phone",
    });
    expect(laptop.ok && phone.ok).toBe(true);
    const token = tokenOf(await resetLink("oubli@exemple.fr"));

    const result = await resetPassword(database.db, {
      token,
      password: NEW_PASSWORD,
      purpose: "reset_password",
      userAgent: "new",
    });
    expect(result).toMatchObject({ ok: true, userId, homePath: "/dossiers" });
    if (!result.ok) throw new Error("unreachable");
    const remaining = await database.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(remaining.map((s) => s.idHash)).toEqual([sha256Hex(result.sessionToken)]);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user?.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user?.passwordHash ?? "", GOOD_PASSWORD)).toBe(false);

    expect(
      await resetPassword(database.db, { token, password: "yet another password", purpose: "reset_password", userAgent: null }),
    ).toEqual({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
  });

  it("revokes the other reset links once the password is changed", async () => {
    await ensureUser(database.db, { email: "deux-liens@exemple.fr", password: GOOD_PASSWORD });
    const first = tokenOf(await resetLink("deux-liens@exemple.fr"));
    const second = tokenOf(await resetLink("deux-liens@exemple.fr"));
    expect(
      await resetPassword(database.db, { token: second, password: NEW_PASSWORD, purpose: "reset_password", userAgent: null }),
    ).toMatchObject({ ok: true });
    expect(
      await resetPassword(database.db, { token: first, password: NEW_PASSWORD, purpose: "reset_password", userAgent: null }),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
  });

  it("refuses an expired link and leaves the password alone", async () => {
    const { userId } = await ensureUser(database.db, { email: "expire@exemple.fr", password: GOOD_PASSWORD });
    const token = tokenOf(await resetLink("expire@exemple.fr"));
    await database.db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.tokenHash, sha256Hex(token)));
    expect(
      await resetPassword(database.db, { token, password: NEW_PASSWORD, purpose: "reset_password", userAgent: null }),
    ).toEqual({
      ok: false,
      refusals: [{ code: "expired", field: "token" }],
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(await verifyPassword(user?.passwordHash ?? "", GOOD_PASSWORD)).toBe(true);
  });

  it("an invalid new password does not use up the link", async () => {
    await ensureUser(database.db, { email: "court@exemple.fr", password: GOOD_PASSWORD });
    const token = tokenOf(await resetLink("court@exemple.fr"));
    expect(await resetPassword(database.db, { token, password: "short", purpose: "reset_password", userAgent: null })).toEqual({
      ok: false,
      refusals: [{ code: "passwordTooShort", field: "password" }],
    });
    expect(
      await resetPassword(database.db, { token, password: NEW_PASSWORD, purpose: "reset_password", userAgent: null }),
    ).toMatchObject({ ok: true });
  });

  it("keeps a safe redirect_to in the link", async () => {
    await ensureUser(database.db, { email: "retour@exemple.fr", password: GOOD_PASSWORD });
    await requestPasswordReset(database.db, {
      email: "retour@exemple.fr",
      locale: "fr",
      ip: "192.0.2.24",
      redirectTo: "/commencer/x",
    });
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "retour@exemple.fr");
    expect(new URL(linkIn(mail?.text ?? "", "/users/password/edit"), "http://x").searchParams.get("redirect_to")).toBe(
      "/commencer/x",
    );
  });

  it("a reset link is not an invitation link", async () => {
    await ensureUser(database.db, { email: "but@exemple.fr", password: GOOD_PASSWORD });
    const token = tokenOf(await resetLink("but@exemple.fr"));
    expect(
      await resetPassword(database.db, { token, password: NEW_PASSWORD, purpose: "invitation", userAgent: null }),
    ).toMatchObject({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
  });

  it("confirms the address of an unconfirmed account", async () => {
    await signUp(database.db, { email: "jamais-confirme@exemple.fr", password: GOOD_PASSWORD, locale: "fr", ip: "192.0.2.23" });
    const token = tokenOf(await resetLink("jamais-confirme@exemple.fr"));
    expect(
      await resetPassword(database.db, { token, password: NEW_PASSWORD, purpose: "reset_password", userAgent: null }),
    ).toMatchObject({ ok: true });
    const [user] = await database.db.select().from(users).where(eq(users.email, "jamais-confirme@exemple.fr"));
    expect(user?.emailConfirmedAt).not.toBeNull();
  });

  it("rate-limits requests to 5 per hour per e-mail and 20 per hour per IP", async () => {
    const perEmail = [];
    for (let i = 0; i < 6; i++)
      perEmail.push(await requestPasswordReset(database.db, { email: "x@exemple.fr", locale: "fr", ip: `198.51.100.${i}` }));
    expect(perEmail.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    const perIp = [];
    for (let i = 0; i < 21; i++)
      perIp.push(await requestPasswordReset(database.db, { email: `y${i}@exemple.fr`, locale: "fr", ip: "198.51.100.200" }));
    expect(perIp.filter((r) => !r.ok)).toHaveLength(1);
    expect(perIp.at(-1)).toMatchObject({ ok: false, refusals: [{ code: "rate_limited" }] });
  });
});
