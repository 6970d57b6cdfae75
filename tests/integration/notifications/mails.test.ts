/**
 * E-mails to instructeurs: send to a colleague, instant e-mails per preferences, and the daily
 * digest's contents and exactly-once delivery (two runs, and two concurrent runs → one mail).
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestDeliveries, follows } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { instructeurDigestJob } from "../../../server/jobs/instructeur-digest.job";
import { createMailer } from "../../../server/integrations/mailer";
import { logger } from "../../../server/logger";
import { sendToColleagues } from "../../../server/operations/dossiers/send-to-colleagues";
import { saveNotificationPreferences } from "../../../server/operations/notifications/save-notification-preferences";
import { notificationPreferencesOf } from "../../../server/queries/instructeur/notification-preferences";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "../../../server/domain/notifications/notifications";
import { assignToDefaultGroupe, buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { deliverMails, mailsTo, queuedMailTemplates } from "../accounts/helpers";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Actor = { userId: number; instructeurId: number; email: string };
const asActor = (u: { userId: number; instructeurId: number | null; email: string }): Actor => ({
  userId: u.userId,
  instructeurId: u.instructeurId as number,
  email: u.email,
});

async function setup() {
  const { db } = database;
  const built = await buildDemarche(db, { libelle: `Subvention ${Math.random().toString(36).slice(2, 7)}` });
  const me = asActor(built.instructeurs[0] as never);
  const colleague = asActor(await buildUser(db, ["instructeur"]));
  await assignToDefaultGroupe(db, built.demarche.id, colleague.instructeurId);
  return { built, me, colleague };
}

const services = () => ({
  config: database.config,
  db: database.db,
  logger: logger.child({}, { level: "silent" }),
  mailer: createMailer({ ...database.config, smtpUrl: undefined }, database.db),
});

describe("send to a colleague", () => {
  it("makes the colleague follow the dossier and e-mails them the message", async () => {
    const { db } = database;
    const { built, me, colleague } = await setup();
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const result = await sendToColleagues(db, me, dossierId, {
      instructeurIds: [colleague.instructeurId],
      message: "Peux-tu regarder ?",
    });
    expect(result).toEqual({ ok: true, sentTo: [colleague.instructeurId] });
    const followed = await db.select().from(follows).where(eq(follows.dossierId, dossierId));
    expect(followed.map((f) => f.instructeurId)).toContain(colleague.instructeurId);
    expect(await queuedMailTemplates(db, colleague.email)).toEqual(["dossier_envoye_a_un_collegue"]);
    await deliverMails(database);
    const [mail] = await mailsTo(db, colleague.email);
    expect(mail?.subject).toContain(`n° ${dossierId}`);
    expect(mail?.text).toContain("> Peux-tu regarder ?");
    expect(mail?.text).toContain(`/procedures/${built.demarche.id}/dossiers/${dossierId}`);
  });

  it("refuses no recipient, oneself, an instructeur of another groupe and a message too long; outsiders get 404", async () => {
    const { db } = database;
    const { built, me, colleague } = await setup();
    const other = await buildDemarche(db);
    const stranger = asActor(other.instructeurs[0] as never);
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const jobsBefore = await queuedMailTemplates(db);
    expect(await sendToColleagues(db, me, dossierId, { instructeurIds: [], message: "" })).toMatchObject({
      refusals: [{ code: "colleague_required" }],
    });
    expect(await sendToColleagues(db, me, dossierId, { instructeurIds: [me.instructeurId], message: "" })).toMatchObject({
      refusals: [{ code: "colleague_invalid" }],
    });
    expect(await sendToColleagues(db, me, dossierId, { instructeurIds: [stranger.instructeurId], message: "" })).toMatchObject({
      refusals: [{ code: "colleague_invalid" }],
    });
    expect(
      await sendToColleagues(db, me, dossierId, { instructeurIds: [colleague.instructeurId], message: "x".repeat(2001) }),
    ).toMatchObject({ refusals: [{ code: "message_too_long", field: "message" }] });
    await expect(
      sendToColleagues(db, stranger, dossierId, { instructeurIds: [colleague.instructeurId], message: "" }),
    ).rejects.toThrow(NotFoundError);
    expect(await queuedMailTemplates(db)).toEqual(jobsBefore);
    expect((await db.select().from(follows).where(eq(follows.dossierId, dossierId))).length).toBe(0);
  });
});

describe("e-mail preferences and instant e-mails", () => {
  it("defaults to digests on and instant e-mails off; saved per démarche; another démarche's is 404", async () => {
    const { db } = database;
    const { built, me } = await setup();
    const other = await buildDemarche(db);
    const mine = await notificationPreferencesOf(db, me.instructeurId);
    expect(mine).toEqual([
      { demarcheId: built.demarche.id, libelle: built.demarche.libelle, preferences: DEFAULT_NOTIFICATION_PREFERENCES },
    ]);
    const wanted = { ...DEFAULT_NOTIFICATION_PREFERENCES, instantEmailNewDossier: true, weeklyEmailSummary: false };
    await saveNotificationPreferences(db, me.instructeurId, built.demarche.id, wanted);
    expect((await notificationPreferencesOf(db, me.instructeurId))[0]?.preferences).toEqual(wanted);
    await expect(saveNotificationPreferences(db, me.instructeurId, other.demarche.id, wanted)).rejects.toThrow(NotFoundError);
    expect(await notificationPreferencesOf(db, (other.instructeurs[0] as { instructeurId: number }).instructeurId)).toMatchObject(
      [{ preferences: DEFAULT_NOTIFICATION_PREFERENCES }],
    );
  });

  it("e-mails each new dossier to the instructeurs who asked for it, only them", async () => {
    const { db } = database;
    const { built, me, colleague } = await setup();
    await saveNotificationPreferences(db, me.instructeurId, built.demarche.id, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      instantEmailNewDossier: true,
    });
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    expect(await queuedMailTemplates(db, me.email)).toEqual(["instructeur_nouveau_dossier"]);
    expect(await queuedMailTemplates(db, colleague.email)).toEqual([]);
    await deliverMails(database);
    expect((await mailsTo(db, me.email))[0]?.subject).toContain(`n° ${dossierId}`);
  });
});

describe("daily digest", () => {
  it("reports the day's news per démarche, once per period even when run twice or concurrently", async () => {
    const { db } = database;
    const { built, me, colleague } = await setup();
    // Only this test's instructeurs matter: earlier digests of others are not looked at.
    await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur: colleague });
    // Now: the first digest reads the last day's events (on a weekend, none is due and none is sent).
    const at = new Date();
    const payload = { kind: "daily" as const, at: at.toISOString() };
    await Promise.all([instructeurDigestJob.run(payload, services()), instructeurDigestJob.run(payload, services())]);
    await instructeurDigestJob.run(payload, services());
    const parisDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short" }).format(at);
    const expected = ["Sat", "Sun"].includes(parisDay) ? [] : ["instructeur_recapitulatif_quotidien"];
    expect(await queuedMailTemplates(db, me.email)).toEqual(expected);
    expect(await queuedMailTemplates(db, colleague.email)).toEqual(expected);
    if (expected.length === 0) return;
    await deliverMails(database);
    const [mail] = await mailsTo(db, me.email);
    expect(mail?.subject).toBe("Vos dossiers : l’activité du jour");
    expect(mail?.text).toContain(built.demarche.libelle);
    expect(mail?.text).toContain("2 nouveaux dossiers déposés");
    expect(mail?.text).toContain("1 dossier décidé");
    // The colleague decided one themselves: only what others did.
    const [theirs] = await mailsTo(db, colleague.email);
    expect(theirs?.text).not.toContain("décidé");
    expect((await db.select().from(digestDeliveries).where(eq(digestDeliveries.instructeurId, me.instructeurId))).length).toBe(1);
  });

  it("sends nothing when the instructeur turned the daily digest off", async () => {
    const { db } = database;
    const { built, me } = await setup();
    await saveNotificationPreferences(db, me.instructeurId, built.demarche.id, {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      dailyEmailSummary: false,
    });
    await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const at = nextWeekdayNoon();
    await instructeurDigestJob.run({ kind: "daily", at: at.toISOString() }, services());
    expect(await queuedMailTemplates(db, me.email)).toEqual([]);
    const rows = await db.execute(
      sql`select count(*)::int as n from digest_deliveries where instructeur_id = ${me.instructeurId}`,
    );
    expect((rows.rows[0] as { n: number }).n).toBe(1);
  });
});

/** Noon (Paris) today if a weekday, else next Monday — always a day with a daily digest. */
function nextWeekdayNoon(): Date {
  const at = new Date();
  at.setUTCHours(11, 0, 0, 0);
  for (;;) {
    const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", weekday: "short" }).format(at);
    if (!["Sat", "Sun"].includes(day)) return at;
    at.setUTCDate(at.getUTCDate() + 1);
  }
}
