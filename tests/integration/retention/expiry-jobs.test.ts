/**
 * Conservation of dossiers against the real database, with a fixed clock: the trigger's expiry
 * date agrees with the domain rule; the daily passes (notices, expiry, purge) and the extension
 * operations do what the reference does, once, with grouped e-mails and events.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deletedDossiers, demarches, dossiers, events } from "../../../server/db/schema";
import { expirationDate } from "../../../server/domain/dossier/expiry";
import { NotFoundError } from "../../../server/errors";
import { CRONTAB, JOBS } from "../../../server/jobs/registry";
import { startDossier } from "../../../server/operations/dossiers/start-dossier";
import { expireDossiers } from "../../../server/operations/retention/expire-dossiers";
import {
  extendConservationByInstructeur,
  extendConservationByUsager,
} from "../../../server/operations/retention/extend-conservation";
import { purgeDossiers } from "../../../server/operations/retention/purge-dossiers";
import { sendExpiryNotices } from "../../../server/operations/retention/send-expiry-notices";
import { countDossiersByTab } from "../../../server/queries/instructeur/counters";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const DAY = 86_400_000;
const mails = async (template: string) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' = ${template} order by j.id`,
  );
  return rows.rows as Array<{ payload: { to: string; params: { audience: string; dossiers: Array<{ number: number }> } } }>;
};
const row = async (id: number) => {
  const [r] = await database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return r as typeof dossiers.$inferSelect;
};
const kindsOf = async (dossierId: number) =>
  (await database.db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, dossierId))).map((e) => e.kind);

describe("the expiry date kept by the database", () => {
  it("is the domain's for brouillons, en construction, decided and en instruction dossiers", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    for (const state of ["brouillon", "en_construction", "en_instruction", "accepte"] as const) {
      const { dossierId } = await buildDossier(db, { demarche, state });
      const d = await row(dossierId);
      const expected = expirationDate({ ...d, dureeConservation: demarche.dureeConservation });
      expect(d.expiredAt?.toISOString() ?? null, state).toBe(expected?.toISOString() ?? null);
      if (state === "en_instruction") expect(d.expiredAt).toBeNull();
      else expect(d.expiredAt).not.toBeNull();
    }
  });
});

describe("the daily passes", () => {
  it("tell each usager once about all their dossiers, expire them after the grace period, purge them 2 weeks later", async () => {
    const { db } = database;
    const { demarche, admin, instructeurs } = await buildDemarche(db);
    const usager = await buildUser(db);
    const other = await buildUser(db);
    const enConstruction = await buildDossier(db, { demarche, usager, state: "en_construction" });
    const accepte = await buildDossier(db, { demarche, usager, state: "accepte" });
    const far = await buildDossier(db, { demarche, usager: other, state: "en_construction" });
    // The first two were filed a year ago (their conservation of 12 months ends in 10 days).
    const yearAgo = new Date(Date.now() - 355 * DAY);
    await db.update(dossiers).set({ enConstructionAt: yearAgo }).where(eq(dossiers.id, enConstruction.dossierId));
    await db.update(dossiers).set({ processedAt: yearAgo }).where(eq(dossiers.id, accepte.dossierId));
    const now = new Date();

    const before = (await countDossiersByTab(db, instructeurs[0]?.instructeurId as number, [demarche.id], now)).get(demarche.id);
    expect(before?.expirants).toBe(2);

    const notices = await sendExpiryNotices(db, now);
    expect(notices).toMatchObject({ dossiers: 2, usagerMails: 1 });
    const toUsager = (await mails("dossiers_expiring")).filter((m) => m.payload.to === usager.email);
    expect(toUsager).toHaveLength(1);
    expect(toUsager[0]?.payload.params.dossiers.map((d) => d.number).sort()).toEqual(
      [enConstruction.dossierId, accepte.dossierId].sort(),
    );
    // The decided dossier's administration: the instructeur who decided (follows it) and the administrateur.
    const toAdministration = (await mails("dossiers_expiring")).filter((m) => m.payload.params.audience === "administration");
    expect(toAdministration.map((m) => m.payload.to).sort()).toEqual([admin.email, instructeurs[0]?.email].sort());
    expect(toAdministration[0]?.payload.params.dossiers.map((d) => d.number)).toEqual([accepte.dossierId]);
    // Notice sent: 2 weeks from now, whatever the date was.
    expect((await row(enConstruction.dossierId)).expiredAt?.toISOString()).toBe(new Date(now.getTime() + 14 * DAY).toISOString());
    expect((await row(far.dossierId)).expirationNoticeSentAt).toBeNull();
    expect(await kindsOf(enConstruction.dossierId)).toContain("dossier.expirant");
    // A second run tells nobody again.
    expect(await sendExpiryNotices(db, now)).toMatchObject({ dossiers: 0, usagerMails: 0, administrationMails: 0 });

    // Nothing expires during the grace period; the day after it, both do.
    expect((await expireDossiers(db, new Date(now.getTime() + 13 * DAY))).dossiers).toBe(0);
    const after = new Date(now.getTime() + 15 * DAY);
    expect(await expireDossiers(db, after)).toMatchObject({ dossiers: 2, usagerMails: 1 });
    expect((await row(accepte.dossierId)).hiddenByExpiredAt?.toISOString()).toBe(after.toISOString());
    expect(await kindsOf(accepte.dossierId)).toContain("dossier.expire");
    const expired = (await mails("dossiers_expired")).filter((m) => m.payload.to === usager.email);
    expect(expired).toHaveLength(1);
    // Out of the tabs; the decided one in « supprimés ».
    const counters = (await countDossiersByTab(db, instructeurs[0]?.instructeurId as number, [demarche.id], after)).get(
      demarche.id,
    );
    expect(counters).toMatchObject({ supprimes: 1, expirants: 0, tous: 1 });

    // Purged 2 weeks after they expired: tombstones, a démarche event each.
    expect((await purgeDossiers(db, null, new Date(after.getTime() + 13 * DAY))).purged).toBe(0);
    const purged = await purgeDossiers(db, null, new Date(after.getTime() + 15 * DAY));
    expect(purged).toMatchObject({ purged: 2, tombstones: 2 });
    const gone = await db
      .select()
      .from(dossiers)
      .where(inArray(dossiers.id, [enConstruction.dossierId, accepte.dossierId]));
    expect(gone).toEqual([]);
    const tombstones = await db.select().from(deletedDossiers).where(eq(deletedDossiers.demarcheId, demarche.id));
    expect(tombstones.map((t) => [t.dossierId, t.state, t.reason]).sort()).toEqual(
      [
        [enConstruction.dossierId, "en_construction", "expired"],
        [accepte.dossierId, "accepte", "expired"],
      ].sort(),
    );
    const purgeEvents = await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.demarcheId, demarche.id), eq(events.kind, "dossier.purge")));
    expect(purgeEvents).toHaveLength(2);
    expect((await row(far.dossierId)).id).toBe(far.dossierId);
  });

  it("purges a decided dossier only when both its usager and the administration deleted it", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId } = await buildDossier(db, { demarche, state: "refuse" });
    const now = new Date();
    const old = new Date(now.getTime() - 20 * DAY);
    await db.update(dossiers).set({ hiddenByAdministrationAt: old }).where(eq(dossiers.id, dossierId));
    expect((await purgeDossiers(db, null, now)).purged).toBe(0);
    await db
      .update(dossiers)
      .set({ hiddenByUserAt: new Date(now.getTime() - 15 * DAY) })
      .where(eq(dossiers.id, dossierId));
    expect((await purgeDossiers(db, null, now)).tombstones).toBe(1);
    const [tombstone] = await db.select().from(deletedDossiers).where(eq(deletedDossiers.dossierId, dossierId));
    expect(tombstone).toMatchObject({ state: "refuse", reason: "user_request" });
  });

  it("deletes brouillons nobody ever filled in, 2 weeks after their creation, without tombstone", async () => {
    const { db } = database;
    const { demarche, path } = await buildDemarche(db);
    const usager = await buildUser(db);
    const { dossierId } = await startDossier(db, usager.userId, { path: path as string, test: false });
    const touched = await buildDossier(db, { demarche, state: "brouillon" });
    const created = (await row(dossierId)).createdAt;
    expect((await purgeDossiers(db, null, new Date(created.getTime() + 13 * DAY))).neverTouched).toBe(0);
    const outcome = await purgeDossiers(db, null, new Date(created.getTime() + 15 * DAY));
    expect(outcome).toMatchObject({ neverTouched: 1, tombstones: 0 });
    expect(await db.select().from(dossiers).where(eq(dossiers.id, dossierId))).toEqual([]);
    expect((await row(touched.dossierId)).id).toBe(touched.dossierId);
  });

  it("is the daily cron job", async () => {
    expect(CRONTAB).toContain("dossier-expiry");
    expect(JOBS["dossier-expiry"].payload.safeParse({ at: "2026-01-01T01:00:00.000Z" }).success).toBe(true);
  });
});

describe("« conserver plus longtemps »", () => {
  it("the usager adds the démarche's durée, restores an expired dossier, and only their own", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const intruder = await buildUser(db);
    const now = new Date();
    // Too early: a specific refusal, nothing changes.
    expect(await extendConservationByUsager(db, usager.userId, dossierId, now)).toEqual({
      ok: false,
      refusals: [{ code: "expiry_not_close", field: "form" }],
    });
    const filed = (await row(dossierId)).enConstructionAt as Date;
    const expiry = (await row(dossierId)).expiredAt as Date;
    const close = new Date(expiry.getTime() - 5 * DAY);
    await sendExpiryNotices(db, close);
    await expireDossiers(db, new Date(close.getTime() + 15 * DAY));
    const expired = await row(dossierId);
    expect(expired.hiddenByExpiredAt).not.toBeNull();

    await expect(extendConservationByUsager(db, intruder.userId, dossierId, close)).rejects.toBeInstanceOf(NotFoundError);
    expect((await row(dossierId)).lockVersion).toBe(expired.lockVersion);

    const result = await extendConservationByUsager(db, usager.userId, dossierId, new Date(close.getTime() + 16 * DAY));
    expect(result.ok).toBe(true);
    const extended = await row(dossierId);
    expect(extended).toMatchObject({ hiddenByExpiredAt: null, expirationNoticeSentAt: null, conservationExtension: 12 });
    const [dm] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(extended.expiredAt?.toISOString()).toBe(
      expirationDate({ ...extended, enConstructionAt: filed, dureeConservation: dm?.dureeConservation ?? 12 })?.toISOString(),
    );
    expect(await kindsOf(dossierId)).toContain("dossier.conservation_prolongee");
  });

  it("an instructeur adds 1 month to a decided dossier close to expiry; en instruction never expires; another instructeur gets 404", async () => {
    const { db } = database;
    const { demarche, instructeurs } = await buildDemarche(db);
    const instructeur = instructeurs[0] as { userId: number; instructeurId: number; email: string };
    const { dossierId } = await buildDossier(db, { demarche, state: "accepte" });
    const enInstruction = await buildDossier(db, { demarche, state: "en_instruction" });
    const { instructeurs: others } = await buildDemarche(db);
    const stranger = others[0] as { userId: number; instructeurId: number; email: string };
    const expiry = (await row(dossierId)).expiredAt as Date;
    const close = new Date(expiry.getTime() - 3 * DAY);

    await expect(extendConservationByInstructeur(db, stranger, dossierId, close)).rejects.toBeInstanceOf(NotFoundError);
    expect((await row(dossierId)).conservationExtension).toBe(0);
    expect(await extendConservationByInstructeur(db, instructeur, enInstruction.dossierId, close)).toEqual({
      ok: false,
      refusals: [{ code: "expiry_never", field: "form" }],
    });
    expect((await extendConservationByInstructeur(db, instructeur, dossierId, close)).ok).toBe(true);
    const extended = await row(dossierId);
    expect(extended.conservationExtension).toBe(1);
    expect(extended.expiredAt?.getTime()).toBeGreaterThan(expiry.getTime() + 27 * DAY);
    // Extended: no longer close to expiry, refused again.
    expect(await extendConservationByInstructeur(db, instructeur, dossierId, close)).toMatchObject({
      ok: false,
      refusals: [{ code: "expiry_not_close" }],
    });
  });
});
