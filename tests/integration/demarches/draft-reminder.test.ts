/**
 * The reference's `NotifyDraftNotSubmittedJob` against the database, with a fixed clock: brouillons
 * of a published démarche closing in two days (Paris) are reminded once, through the event stream
 * (`dossier.rappel_brouillon_avant_fermeture` → `brouillon_reminder` e-mail in the owner's language);
 * not the owners who already submitted a dossier there, not other closing days, not test dossiers.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, dossiers, events, users } from "../../../server/db/schema";
import { JOBS } from "../../../server/jobs/registry";
import { renderMail } from "../../../server/mail/templates";
import { notifyDraftNotSubmitted } from "../../../server/operations/dossiers/notify-draft-not-submitted";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const reminderMails = async () => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'send-mail'`,
  );
  return (rows.rows as Array<{ payload: Record<string, unknown> }>)
    .map((r) => r.payload)
    .filter((p) => p.template === "brouillon_reminder");
};

/** Tuesday 10 March 2026, 07:00 in Paris. */
const NOW = new Date("2026-03-10T06:00:00Z");

describe("brouillons not submitted before the démarche closes", () => {
  it("reminds each unsubmitted brouillon once, two days before the closing day, by e-mail in the owner's language", async () => {
    const { db } = database;
    const closing = await buildDemarche(db, { administrateurEmail: "admin-rappel@exemple.fr", libelle: "Bourse 2026" });
    const later = await buildDemarche(db, { administrateurEmail: "admin-rappel@exemple.fr", libelle: "Bourse 2027" });
    await db.update(demarches).set({ autoArchiveOn: "2026-03-12" }).where(eq(demarches.id, closing.demarche.id));
    await db.update(demarches).set({ autoArchiveOn: "2026-03-13" }).where(eq(demarches.id, later.demarche.id));

    const forgetful = await buildUser(db, [], "rappel-oubli@exemple.fr");
    await db.update(users).set({ locale: "en" }).where(eq(users.id, forgetful.userId));
    const submitter = await buildUser(db, [], "rappel-depose@exemple.fr");
    const reminded = await buildDossier(db, { demarche: closing.demarche, usager: forgetful, state: "brouillon" });
    // An owner who already submitted a dossier on the démarche is not reminded of their other brouillon.
    await buildDossier(db, { demarche: closing.demarche, usager: submitter, state: "en_construction" });
    await buildDossier(db, { demarche: closing.demarche, usager: submitter, state: "brouillon" });
    // Another closing day: not today's reminder.
    await buildDossier(db, { demarche: later.demarche, usager: forgetful, state: "brouillon" });

    expect(await notifyDraftNotSubmitted(db, NOW)).toEqual({ reminded: 1 });
    const recorded = await db.select().from(events).where(eq(events.kind, "dossier.rappel_brouillon_avant_fermeture"));
    expect(recorded.map((e) => [e.dossierId, e.actor, e.payload])).toEqual([
      [reminded.dossierId, "system", { closingOn: "2026-03-12" }],
    ]);
    const mails = await reminderMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: "rappel-oubli@exemple.fr",
      locale: "en",
      params: { dossierId: reminded.dossierId, demarcheLibelle: "Bourse 2026", closingOn: "2026-03-12" },
    });
    const rendered = renderMail("brouillon_reminder", mails[0]?.params, { locale: "en", appUrl: "https://guichet.test" });
    expect(rendered.subject).toContain("Bourse 2026");
    expect(rendered.text).toContain("12 March 2026");
    expect(rendered.text).toContain(`https://guichet.test/dossiers/${reminded.dossierId}/brouillon`);
    const fr = renderMail("brouillon_reminder", mails[0]?.params, { locale: "fr", appUrl: "https://guichet.test" });
    expect(fr.text).toContain("12 mars 2026");

    // The same day again (a second worker, a retry) and the next day: nothing sent twice.
    expect(await notifyDraftNotSubmitted(db, NOW)).toEqual({ reminded: 0 });
    expect(await reminderMails()).toHaveLength(1);
  });

  it("runs as the weekday cron job, with the tick's day, and skips test dossiers and closed démarches", async () => {
    const { db } = database;
    const open = await buildDemarche(db, { administrateurEmail: "admin-rappel-cron@exemple.fr", libelle: "Stage été" });
    const closed = await buildDemarche(db, { administrateurEmail: "admin-rappel-cron@exemple.fr", libelle: "Stage hiver" });
    // Wednesday 1 April 2026 → closing Friday 3 April.
    await db.update(demarches).set({ autoArchiveOn: "2026-04-03" }).where(eq(demarches.id, open.demarche.id));
    const owner = await buildUser(db, [], "rappel-cron@exemple.fr");
    const kept = await buildDossier(db, { demarche: open.demarche, usager: owner, state: "brouillon" });
    const test = await buildDossier(db, { demarche: open.demarche, usager: owner, state: "brouillon" });
    await db.update(dossiers).set({ forTest: true }).where(eq(dossiers.id, test.dossierId));
    await buildDossier(db, { demarche: closed.demarche, usager: owner, state: "brouillon" });
    await db.update(demarches).set({ autoArchiveOn: "2026-04-03", state: "close" }).where(eq(demarches.id, closed.demarche.id));

    const before = (await reminderMails()).length;
    const logger = { info() {}, warn() {}, error() {}, debug() {} };
    const job = JOBS["notify-draft-not-submitted"];
    await job.run(job.payload.parse({ _cron: { ts: "2026-04-01T06:00:00.000Z" } }), { db, logger } as never);
    const mails = (await reminderMails()).slice(before);
    expect(mails.map((m) => (m.params as { dossierId: number }).dossierId)).toEqual([kept.dossierId]);
    const reminders = await db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.kind, "dossier.rappel_brouillon_avant_fermeture"), eq(events.dossierId, test.dossierId)));
    expect(reminders).toEqual([]);
  });
});
