/**
 * The usager's account (issue 13 item 8): changing the e-mail goes through a link sent to the new
 * address (refusals: invalid, same, taken; the link works once, for its own account); deleting the
 * account is refused while a dossier is en instruction, else brouillons go and submitted dossiers
 * stay without usager (logged).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, events, users } from "../../../server/db/schema";
import { confirmEmailChange, requestEmailChange } from "../../../server/operations/accounts/change-email";
import { deleteAccount } from "../../../server/operations/accounts/delete-account";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function tokenSentTo(email: string) {
  const [row] = (
    await database.db.execute(
      sql`select j.payload->'params'->>'token' as token from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and j.payload->>'to' = ${email} and j.payload->>'template' = 'change_email'
          order by j.id desc limit 1`,
    )
  ).rows as { token: string }[];
  return row?.token;
}

const emailOf = async (userId: number) =>
  (await database.db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]?.email;

describe("change of e-mail", () => {
  it("sends a link to the new address; the address changes only when that link is opened by the account", async () => {
    const user = await buildUser(database.db);
    const other = await buildUser(database.db);
    const next = `nouvelle-${Math.random()}@exemple.fr`;
    expect(await requestEmailChange(database.db, user, { email: next.toUpperCase() })).toEqual({ ok: true });
    expect(await emailOf(user.userId)).toBe(user.email);
    const token = await tokenSentTo(next);
    expect(token).toBeTruthy();
    // Another account opening the link changes nothing.
    expect(await confirmEmailChange(database.db, other.userId, token)).toMatchObject({ ok: false });
    expect(await emailOf(user.userId)).toBe(user.email);
    await requestEmailChange(database.db, user, { email: next });
    const fresh = await tokenSentTo(next);
    expect(await confirmEmailChange(database.db, user.userId, fresh)).toEqual({ ok: true, email: next });
    expect(await emailOf(user.userId)).toBe(next);
    expect(await confirmEmailChange(database.db, user.userId, fresh)).toMatchObject({ ok: false, refusals: [{ code: "used" }] });
  });

  it("refuses an invalid address, the current one and one another account uses", async () => {
    const user = await buildUser(database.db);
    const other = await buildUser(database.db);
    expect(await requestEmailChange(database.db, user, { email: "nope" })).toMatchObject({
      refusals: [{ code: "email_invalid" }],
    });
    expect(await requestEmailChange(database.db, user, { email: user.email })).toMatchObject({
      refusals: [{ code: "email_same" }],
    });
    expect(await requestEmailChange(database.db, user, { email: other.email })).toMatchObject({
      refusals: [{ code: "email_taken" }],
    });
  });
});

describe("deletion of the account", () => {
  it("is refused while a dossier is en instruction; nothing changes", async () => {
    const { demarche } = await buildDemarche(database.db);
    const user = await buildUser(database.db);
    const { dossierId } = await buildDossier(database.db, { demarche, usager: user, state: "en_instruction" });
    expect(await deleteAccount(database.db, user.userId)).toMatchObject({
      ok: false,
      refusals: [{ code: "dossiers_en_instruction" }],
    });
    expect(await emailOf(user.userId)).toBe(user.email);
    expect((await database.db.select({ u: dossiers.userId }).from(dossiers).where(eq(dossiers.id, dossierId)))[0]?.u).toBe(
      user.userId,
    );
  });

  it("deletes brouillons, keeps submitted dossiers without usager (logged), removes the account", async () => {
    const { demarche } = await buildDemarche(database.db);
    const user = await buildUser(database.db);
    const { dossierId: brouillon } = await buildDossier(database.db, { demarche, usager: user });
    const { dossierId: depose } = await buildDossier(database.db, { demarche, usager: user, state: "en_construction" });
    expect(await deleteAccount(database.db, user.userId)).toEqual({ ok: true });
    expect(await emailOf(user.userId)).toBeUndefined();
    expect(await database.db.select().from(dossiers).where(eq(dossiers.id, brouillon))).toEqual([]);
    expect((await database.db.select({ u: dossiers.userId }).from(dossiers).where(eq(dossiers.id, depose)))[0]?.u).toBeNull();
    const kinds = (await database.db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, depose))).map(
      (e) => e.kind,
    );
    expect(kinds).toContain("dossier.titulaire_supprime");
  });

  it("is refused for an account that is also an instructeur's", async () => {
    const user = await buildUser(database.db, ["instructeur"]);
    expect(await deleteAccount(database.db, user.userId)).toMatchObject({ refusals: [{ code: "has_other_profiles" }] });
  });
});
