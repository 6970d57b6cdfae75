import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTokens } from "../../../server/db/schema";
import {
  cleanupEmailTokens,
  consumeEmailToken,
  inspectEmailToken,
  issueEmailToken,
  revokeEmailTokens,
} from "../../../server/operations/accounts/email-tokens";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { sha256Hex } from "../../../server/security/tokens";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let userId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ userId } = await ensureUser(database.db, { email: "jeton@exemple.fr" }));
});
afterAll(() => database?.close());

async function expire(token: string) {
  await database.db
    .update(emailTokens)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(emailTokens.tokenHash, sha256Hex(token)));
}

describe("e-mail tokens", () => {
  it("stores only the SHA-256 of the token, with the expiry of its purpose", async () => {
    const before = Date.now();
    const { token, expiresAt } = await issueEmailToken(database.db, userId, "reset_password");
    const rows = await database.db.select().from(emailTokens).where(eq(emailTokens.userId, userId));
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    const row = rows.find((r) => r.tokenHash === sha256Hex(token));
    expect(row?.purpose).toBe("reset_password");
    const ttl = expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThan(3610_000);
    const confirm = await issueEmailToken(database.db, userId, "confirm_email");
    expect(confirm.expiresAt.getTime() - before).toBeGreaterThan(24 * 3600_000 - 10_000);
    const invitation = await issueEmailToken(database.db, userId, "invitation");
    expect(invitation.expiresAt.getTime() - before).toBeGreaterThan(7 * 24 * 3600_000 - 10_000);
  });

  it("is used once: the second use says it was used", async () => {
    const { token } = await issueEmailToken(database.db, userId, "confirm_email");
    expect(await inspectEmailToken(database.db, token, "confirm_email")).toEqual({ ok: true, userId, email: "jeton@exemple.fr" });
    expect(await consumeEmailToken(database.db, token, "confirm_email")).toMatchObject({ ok: true, userId });
    expect(await consumeEmailToken(database.db, token, "confirm_email")).toEqual({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
    expect(await inspectEmailToken(database.db, token, "confirm_email")).toEqual({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
  });

  it("two concurrent uses: exactly one succeeds", async () => {
    const { token } = await issueEmailToken(database.db, userId, "reset_password");
    const results = await Promise.all([
      consumeEmailToken(database.db, token, "reset_password"),
      consumeEmailToken(database.db, token, "reset_password"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("is refused once expired", async () => {
    const { token } = await issueEmailToken(database.db, userId, "reset_password");
    await expire(token);
    expect(await inspectEmailToken(database.db, token, "reset_password")).toEqual({
      ok: false,
      refusals: [{ code: "expired", field: "token" }],
    });
    expect(await consumeEmailToken(database.db, token, "reset_password")).toEqual({
      ok: false,
      refusals: [{ code: "expired", field: "token" }],
    });
  });

  it("only works for its own purpose; unknown and malformed tokens are invalid", async () => {
    const { token } = await issueEmailToken(database.db, userId, "confirm_email");
    expect(await consumeEmailToken(database.db, token, "reset_password")).toEqual({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
    expect(await consumeEmailToken(database.db, "A".repeat(43), "confirm_email")).toEqual({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
    expect(await consumeEmailToken(database.db, "' or 1=1 --", "confirm_email")).toEqual({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
    expect(await consumeEmailToken(database.db, null, "confirm_email")).toEqual({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
    // Still usable for the right purpose.
    expect(await consumeEmailToken(database.db, token, "confirm_email")).toMatchObject({ ok: true });
  });

  it("revokes the outstanding tokens of a user for some purposes", async () => {
    const reset = await issueEmailToken(database.db, userId, "reset_password");
    const invitation = await issueEmailToken(database.db, userId, "invitation");
    await revokeEmailTokens(database.db, userId, ["reset_password"]);
    expect(await consumeEmailToken(database.db, reset.token, "reset_password")).toEqual({
      ok: false,
      refusals: [{ code: "used", field: "token" }],
    });
    expect(await consumeEmailToken(database.db, invitation.token, "invitation")).toMatchObject({ ok: true });
  });

  it("cleans up tokens expired long ago only", async () => {
    const old = await issueEmailToken(database.db, userId, "reset_password");
    const fresh = await issueEmailToken(database.db, userId, "reset_password");
    await database.db
      .update(emailTokens)
      .set({ expiresAt: sql`now() - interval '31 days'` })
      .where(eq(emailTokens.tokenHash, sha256Hex(old.token)));
    expect(await cleanupEmailTokens(database.db, 30)).toBe(1);
    expect(await inspectEmailToken(database.db, old.token, "reset_password")).toEqual({
      ok: false,
      refusals: [{ code: "invalid", field: "token" }],
    });
    expect(await inspectEmailToken(database.db, fresh.token, "reset_password")).toMatchObject({ ok: true });
  });
});
