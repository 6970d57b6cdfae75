/**
 * The administrateur changes the démarche's durée de conservation: a `reset-expiring-dossiers` job is
 * enqueued (only then), and it recomputes `expired_at` of the démarche's dossiers with the new durée
 * (a brouillon still kept 3 months at most, a dossier already noticed keeps its notice + 2 weeks, en
 * instruction never expires, another démarche's dossiers untouched), in resumable batches.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../../../server/domain/dossier/expiry";
import { demarches, dossiers } from "../../../server/db/schema";
import { updateDemarche } from "../../../server/operations/demarches/update-demarche";
import { resetExpiryBatch } from "../../../server/operations/retention/reset-expiring-dossiers";
import { resetExpiringDossiersJob } from "../../../server/jobs/reset-expiring-dossiers.job";
import type { JobServices } from "../../../server/jobs/services";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const DAY = 86_400_000;

const resetJobs = async (demarcheId: number) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'reset-expiring-dossiers' and (j.payload->>'demarcheId')::int = ${demarcheId}`,
  );
  return rows.rows as Array<{ payload: { demarcheId: number; afterId: number } }>;
};

const rowOf = async (id: number) => (await database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];

async function setDuree(administrateurId: number, demarche: typeof demarches.$inferSelect, months: number) {
  const result = await updateDemarche(database.db, administrateurId, demarche.id, {
    libelle: demarche.libelle,
    description: demarche.description ?? "Description",
    cadreJuridique: demarche.cadreJuridique ?? "",
    lienDpo: demarche.lienDpo ?? "",
    dureeConservation: months,
  });
  expect(result).toEqual({ ok: true });
}

describe("reset-expiring-dossiers", () => {
  it("recomputes the expiry dates of the démarche's dossiers after its durée de conservation changed", async () => {
    const { db } = database;
    const { demarche, administrateurId } = await buildDemarche(db);
    const { demarche: other } = await buildDemarche(db);
    const { dossierId: filed } = await buildDossier(db, { demarche, state: "en_construction" });
    const { dossierId: noticed } = await buildDossier(db, { demarche, state: "en_construction" });
    const { dossierId: instruit } = await buildDossier(db, { demarche, state: "en_instruction" });
    const { dossierId: brouillon } = await buildDossier(db, { demarche });
    const { dossierId: elsewhere } = await buildDossier(db, { demarche: other, state: "en_construction" });
    const noticeAt = new Date(Date.now() - 2 * DAY);
    await db.update(dossiers).set({ expirationNoticeSentAt: noticeAt }).where(eq(dossiers.id, noticed));
    const before = {
      noticed: (await rowOf(noticed))?.expiredAt,
      brouillon: (await rowOf(brouillon))?.expiredAt,
      elsewhere: (await rowOf(elsewhere))?.expiredAt,
    };

    // Another field changed: no job.
    await updateDemarche(db, administrateurId, demarche.id, {
      libelle: `${demarche.libelle} modifiée`,
      description: demarche.description ?? "Description",
      cadreJuridique: demarche.cadreJuridique ?? "",
      lienDpo: demarche.lienDpo ?? "",
      dureeConservation: demarche.dureeConservation,
    });
    expect(await resetJobs(demarche.id)).toHaveLength(0);

    // The administrateur lowers the durée from 12 to 6 months: the change is stored, a job enqueued.
    const [current] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    await setDuree(administrateurId, current as typeof demarches.$inferSelect, 6);
    expect((await resetJobs(demarche.id)).map((j) => j.payload)).toEqual([{ demarcheId: demarche.id, afterId: 0 }]);
    const filedRow = await rowOf(filed);
    expect(filedRow?.expiredAt?.getTime()).toBe(addMonths(filedRow?.enConstructionAt as Date, 12).getTime());

    await resetExpiringDossiersJob.run({ demarcheId: demarche.id, afterId: 0 }, { db } as JobServices, { id: "1" });
    const reset = await rowOf(filed);
    expect(reset?.expiredAt?.getTime()).toBe(addMonths(reset?.enConstructionAt as Date, 6).getTime());
    expect(reset?.updatedAt.getTime()).toBe(filedRow?.updatedAt.getTime());
    expect((await rowOf(noticed))?.expiredAt).toEqual(before.noticed);
    expect((await rowOf(instruit))?.expiredAt).toBeNull();
    // A brouillon is kept min(durée, 3) months: unchanged from 12 to 6.
    expect((await rowOf(brouillon))?.expiredAt).toEqual(before.brouillon);
    expect((await rowOf(elsewhere))?.expiredAt).toEqual(before.elsewhere);
  });

  it("works by batches that resume after the last number done", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId: first } = await buildDossier(db, { demarche, state: "en_construction" });
    const { dossierId: second } = await buildDossier(db, { demarche, state: "en_construction" });
    await db.update(demarches).set({ dureeConservation: 3 }).where(eq(demarches.id, demarche.id));
    expect(await resetExpiryBatch(db, demarche.id, 0, 1)).toBe(first);
    const firstRow = await rowOf(first);
    expect(firstRow?.expiredAt?.getTime()).toBe(addMonths(firstRow?.enConstructionAt as Date, 3).getTime());
    const secondRow = await rowOf(second);
    expect(secondRow?.expiredAt?.getTime()).toBe(addMonths(secondRow?.enConstructionAt as Date, 12).getTime());
    expect(await resetExpiryBatch(db, demarche.id, first, 1)).toBe(second);
    expect(await resetExpiryBatch(db, demarche.id, second, 1)).toBeNull();
    const done = await rowOf(second);
    expect(done?.expiredAt?.getTime()).toBe(addMonths(done?.enConstructionAt as Date, 3).getTime());
  });
});
