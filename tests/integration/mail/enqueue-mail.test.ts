/**
 * A mail's template and parameters are checked when it is enqueued, in the caller's transaction:
 * a mail that could never be rendered fails the change that produced it (nothing committed), instead
 * of failing at send time and being retried.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { users } from "../../../server/db/schema";
import { InvalidJobPayloadError } from "../../../server/jobs/enqueue";
import { enqueueMail } from "../../../server/jobs/enqueue-mail";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, mailsTo, queuedMailTemplates } from "../accounts/helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A change and its mail in one transaction, as operations do. */
async function signUpWithMail(db: Db, email: string, enqueue: (tx: Db) => Promise<void>) {
  await db.transaction(async (tx) => {
    await tx.insert(users).values({ email });
    await enqueue(tx as unknown as Db);
  });
}

async function userExists(db: Db, email: string) {
  return (await db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0;
}

describe("enqueueMail", () => {
  it("queues a mail whose parameters fit its template, and the worker sends it", async () => {
    const { db } = database;
    const email = "bon@exemple.fr";
    await signUpWithMail(db, email, (tx) =>
      enqueueMail(tx, email, "dossier_accepte", { dossierNumber: 42, demarcheLibelle: "Permis", motivation: null }, "fr"),
    );
    expect(await userExists(db, email)).toBe(true);
    expect(await queuedMailTemplates(db, email)).toEqual(["dossier_accepte"]);
    await deliverMails(database);
    const [mail] = await mailsTo(db, email);
    expect(mail?.subject).toContain("42");
  });

  it("throws on parameters the template refuses: the change rolls back and no mail is queued", async () => {
    const { db } = database;
    const email = "mauvais@exemple.fr";
    const attempt = signUpWithMail(db, email, (tx) =>
      // @ts-expect-error a dossier e-mail needs a dossier number
      enqueueMail(tx, email, "dossier_refuse", { demarcheLibelle: "Permis", motivation: "Incomplet" }, "fr"),
    );
    await expect(attempt).rejects.toThrow(InvalidJobPayloadError);
    await expect(attempt).rejects.toThrow(/params\.dossierNumber/);
    expect(await userExists(db, email)).toBe(false);
    expect(await queuedMailTemplates(db, email)).toEqual([]);
  });

  it("throws on an unknown template: the change rolls back and no mail is queued", async () => {
    const { db } = database;
    const email = "inconnu@exemple.fr";
    const attempt = signUpWithMail(db, email, (tx) =>
      // @ts-expect-error no such template
      enqueueMail(tx, email, "dossier_perdu", { dossierNumber: 1, demarcheLibelle: "D" }, "fr"),
    );
    await expect(attempt).rejects.toThrow(/unknown mail template/);
    expect(await userExists(db, email)).toBe(false);
    expect(await queuedMailTemplates(db, email)).toEqual([]);
  });

  it("drops, without retrying, a stored mail job whose parameters no longer fit its template", async () => {
    const { db } = database;
    const email = "ancien@exemple.fr";
    // As a job enqueued before a template's parameters changed: written directly, not through enqueueMail.
    const payload = JSON.stringify({ to: email, template: "dossier_depose", locale: "fr", params: { dossierNumber: "x" } });
    await db.execute(sql`select graphile_worker.add_job('send-mail', ${payload}::json)`);
    await deliverMails(database);
    expect(await mailsTo(db, email)).toEqual([]);
    const left = await db.execute<{ attempts: number; last_error: string | null }>(sql`
      select j.attempts, j.last_error from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'send-mail' and j.payload->>'to' = ${email}`);
    // Completed (deleted) rather than failed and scheduled again.
    expect(left.rows).toEqual([]);
  });
});
