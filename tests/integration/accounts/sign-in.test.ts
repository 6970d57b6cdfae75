import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../../server/db/schema";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { signIn } from "../../../server/operations/accounts/sign-in";
import { signUp } from "../../../server/operations/accounts/sign-up";
import { sha256Hex } from "../../../server/security/tokens";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { GOOD_PASSWORD } from "./helpers";

let database: TestDatabase;
const base = { ip: "192.0.2.10", userAgent: "vitest" };

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureUser(database.db, { email: "usager@exemple.fr", password: GOOD_PASSWORD });
  await ensureUser(database.db, { email: "instructeur@exemple.fr", password: GOOD_PASSWORD, roles: ["instructeur"] });
  await ensureUser(database.db, { email: "admin@exemple.fr", password: GOOD_PASSWORD, roles: ["administrateur", "instructeur"] });
  await ensureUser(database.db, { email: "expert@exemple.fr", password: GOOD_PASSWORD, roles: ["expert"] });
  await ensureUser(database.db, { email: "invite@exemple.fr" });
});
afterAll(() => database?.close());

describe("sign-in", () => {
  it("opens a session, records the sign-in and names the user's space", async () => {
    const result = await signIn(database.db, { ...base, email: " Usager@Exemple.fr", password: GOOD_PASSWORD });
    expect(result).toMatchObject({ ok: true, homePath: "/dossiers" });
    if (!result.ok) throw new Error("unreachable");
    const [session] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, sha256Hex(result.sessionToken)));
    expect(session).toMatchObject({ userId: result.userId, userAgent: "vitest" });
    expect(new Date(session?.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000);
    const [user] = await database.db.select().from(users).where(eq(users.id, result.userId));
    expect(user?.lastSignInAt).not.toBeNull();
  });

  it("sends administrateurs, then instructeurs, then everyone else to their own space", async () => {
    const home = async (email: string) => {
      const result = await signIn(database.db, { ...base, email, password: GOOD_PASSWORD });
      return result.ok ? result.homePath : result.refusals[0]?.code;
    };
    expect(await home("admin@exemple.fr")).toBe("/admin/procedures");
    expect(await home("instructeur@exemple.fr")).toBe("/procedures");
    expect(await home("expert@exemple.fr")).toBe("/dossiers");
  });

  it("gives the same answer for a wrong password, an unknown address and an account without password", async () => {
    const wrong = await signIn(database.db, { ...base, email: "usager@exemple.fr", password: "not the password" });
    const unknown = await signIn(database.db, { ...base, email: "nobody@exemple.fr", password: GOOD_PASSWORD });
    const noPassword = await signIn(database.db, { ...base, email: "invite@exemple.fr", password: GOOD_PASSWORD });
    const huge = await signIn(database.db, { ...base, email: "usager@exemple.fr", password: "x".repeat(10_000) });
    for (const result of [wrong, unknown, noPassword, huge])
      expect(result).toEqual({ ok: false, refusals: [{ code: "invalid_credentials", field: "form" }] });
  });

  it("reports missing fields without checking anything", async () => {
    expect(await signIn(database.db, { ...base, email: "", password: "" })).toEqual({
      ok: false,
      refusals: [
        { code: "emailRequired", field: "email" },
        { code: "passwordRequired", field: "password" },
      ],
    });
  });

  it("tells an unconfirmed account (right password only) to confirm its address", async () => {
    await signUp(database.db, { email: "pas-confirme@exemple.fr", password: GOOD_PASSWORD, locale: "fr", ip: base.ip });
    expect(await signIn(database.db, { ...base, email: "pas-confirme@exemple.fr", password: GOOD_PASSWORD })).toEqual({
      ok: false,
      refusals: [{ code: "unconfirmed", field: "form", params: { email: "pas-confirme@exemple.fr" } }],
    });
    expect(await signIn(database.db, { ...base, email: "pas-confirme@exemple.fr", password: "wrong password!" })).toEqual({
      ok: false,
      refusals: [{ code: "invalid_credentials", field: "form" }],
    });
  });

  it("closes the browser's previous session", async () => {
    const first = await signIn(database.db, { ...base, email: "usager@exemple.fr", password: GOOD_PASSWORD });
    if (!first.ok) throw new Error("sign-in failed");
    const previousSessionIdHash = sha256Hex(first.sessionToken);
    const second = await signIn(database.db, {
      ...base,
      email: "expert@exemple.fr",
      password: GOOD_PASSWORD,
      previousSessionIdHash,
    });
    expect(second.ok).toBe(true);
    expect(await database.db.select().from(sessions).where(eq(sessions.idHash, previousSessionIdHash))).toEqual([]);
  });
});
