import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTokens, instructeurs, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { inviteUser } from "../../../server/operations/accounts/invite-user";
import { resetPassword } from "../../../server/operations/accounts/reset-password";
import { signIn } from "../../../server/operations/accounts/sign-in";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, GOOD_PASSWORD, linkIn, mailsTo, queuedMailTemplates, tokenOf } from "./helpers";

let database: TestDatabase;
const invitation = {
  invitedByEmail: "admin@exemple.fr",
  reason: "instructeur" as const,
  demarcheLibelle: "Aide au\nlogement étudiant",
  locale: "fr" as const,
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("inviteUser", () => {
  it("creates an account without password and mails a 7-day link to choose it", async () => {
    const result = await database.db.transaction((tx) => inviteUser(tx, { ...invitation, email: "Nouvel.Agent@Exemple.fr" }));
    expect(result.created).toBe(true);
    const [user] = await database.db.select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ email: "nouvel.agent@exemple.fr", passwordHash: null, emailConfirmedAt: null });
    const [token] = await database.db.select().from(emailTokens).where(eq(emailTokens.userId, result.userId));
    expect(token?.purpose).toBe("invitation");
    expect(new Date(token?.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 7 * 24 * 3600_000 - 60_000);

    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "nouvel.agent@exemple.fr");
    expect(mail?.subject).toBe("Invitation à instruire la démarche « Aide au logement étudiant »");
    expect(mail?.text).toContain("admin@exemple.fr");

    // The caller grants the profile; the invitee then chooses a password through the link.
    await database.db.insert(instructeurs).values({ userId: result.userId });
    const link = linkIn(mail?.text ?? "", "/users/invitation");
    const activated = await resetPassword(database.db, {
      token: tokenOf(link),
      password: GOOD_PASSWORD,
      purpose: "invitation",
      userAgent: null,
    });
    expect(activated).toMatchObject({ ok: true, homePath: "/procedures" });
    const [after] = await database.db.select().from(users).where(eq(users.id, result.userId));
    expect(after?.emailConfirmedAt).not.toBeNull();
    expect(
      await signIn(database.db, { email: "nouvel.agent@exemple.fr", password: GOOD_PASSWORD, ip: "192.0.2.30", userAgent: null }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("tells an existing account it was added, without a token", async () => {
    const { userId } = await ensureUser(database.db, { email: "agent@exemple.fr", password: GOOD_PASSWORD });
    // The mail goes out in the language of the account, not of the inviter.
    await database.db.update(users).set({ locale: "en" }).where(eq(users.id, userId));
    const result = await database.db.transaction((tx) => inviteUser(tx, { ...invitation, email: "agent@exemple.fr" }));
    expect(result).toEqual({ userId, created: false });
    expect(await database.db.select().from(emailTokens).where(eq(emailTokens.userId, userId))).toEqual([]);
    expect(await queuedMailTemplates(database.db, "agent@exemple.fr")).toEqual(["instructeur_added"]);
    await deliverMails(database);
    const [mail] = await mailsTo(database.db, "agent@exemple.fr");
    expect(mail?.subject).toBe("You are now an instructeur of the procedure “Aide au logement étudiant”");
    expect(linkIn(mail?.text ?? "", "/users/sign_in")).toBe("/users/sign_in?redirect_to=%2Fprocedures");
  });

  it("sends a new invitation to an account that never chose its password", async () => {
    const first = await database.db.transaction((tx) => inviteUser(tx, { ...invitation, email: "lent@exemple.fr" }));
    const second = await database.db.transaction((tx) =>
      inviteUser(tx, { ...invitation, email: "lent@exemple.fr", demarcheLibelle: "Autre démarche" }),
    );
    expect(second).toEqual({ userId: first.userId, created: false });
    expect(await queuedMailTemplates(database.db, "lent@exemple.fr")).toEqual(["invitation", "invitation"]);
  });

  it("leaves nothing behind when the caller's transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await inviteUser(tx, { ...invitation, email: "annule@exemple.fr" });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await database.db.select().from(users).where(eq(users.email, "annule@exemple.fr"))).toEqual([]);
    expect(await queuedMailTemplates(database.db, "annule@exemple.fr")).toEqual([]);
  });

  it("rejects an invalid address", async () => {
    await expect(database.db.transaction((tx) => inviteUser(tx, { ...invitation, email: "not an address" }))).rejects.toThrow();
  });
});
