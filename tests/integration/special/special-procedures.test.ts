import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches, dossierCorrections, dossiers, events, traitements } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { updateSpecialProcedures } from "../../../server/operations/demarches/update-special-procedures";
import { acknowledgeDecision } from "../../../server/operations/dossiers/acknowledge-decision";
import { processStalledDeclarative, processSvaSvrDaily } from "../../../server/operations/dossiers/process-special-dossiers";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { loadUsagerDossierPage } from "../../../server/queries/usager/dossier";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const mailsFor = async (template: string, dossierId: number) => {
  const rows = await database.db.execute(
    sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'send-mail' and j.payload->>'template' = ${template}
        and (j.payload->'params'->>'dossierNumber')::int = ${dossierId}`,
  );
  return rows.rows as Array<{ payload: { to: string; params: Record<string, unknown> } }>;
};
const dossierRow = async (id: number) => (await database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];
const events_ = async (id: number) =>
  (
    await database.db
      .select({ event: traitements.event })
      .from(traitements)
      .where(eq(traitements.dossierId, id))
      .orderBy(traitements.id)
  ).map((t) => t.event);

const settings = {
  declarative: "none",
  svaSvrDecision: "disabled",
  svaSvrPeriod: "2",
  svaSvrUnit: "months",
  svaSvrResume: "continue",
  accuseLecture: false,
};

describe("declarative démarches", () => {
  it("accepts a dossier at submission, with its traitement, event and e-mail", async () => {
    const { db } = database;
    const { demarche, administrateurId, admin } = await buildDemarche(db);
    const who = { administrateurId, userId: admin.userId };
    expect(await updateSpecialProcedures(db, who, demarche.id, { ...settings, declarative: "accepte" })).toEqual({ ok: true });
    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction" });
    const row = await dossierRow(dossierId);
    expect(row?.state).toBe("accepte");
    expect(row?.declarativeTriggeredAt).not.toBeNull();
    expect(row?.enInstructionAt).not.toBeNull();
    expect(await events_(dossierId)).toEqual(["depose", "accepte_automatiquement"]);
    expect(await mailsFor("dossier_accepte", dossierId)).toHaveLength(1);
  });

  it("passes a dossier en instruction, and the cron catches stalled ones", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    const { dossierId: stalled } = await buildDossier(db, { demarche, state: "en_construction" });
    await db.update(demarches).set({ declarativeWithState: "en_instruction" }).where(eq(demarches.id, demarche.id));
    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction" });
    expect((await dossierRow(dossierId))?.state).toBe("en_instruction");
    expect((await dossierRow(stalled))?.state).toBe("en_construction");
    expect(await processStalledDeclarative(db)).toBeGreaterThanOrEqual(1);
    expect((await dossierRow(stalled))?.state).toBe("en_instruction");
    expect(await events_(stalled)).toEqual(["depose", "passe_en_instruction_automatiquement"]);
    // Once only.
    expect(await processStalledDeclarative(db)).toBe(0);
  });
});

describe("settings", () => {
  it("refuses an SVA period of 0 or a declarative SVA, and changes nothing; another administrateur gets 404", async () => {
    const { db } = database;
    const { demarche, administrateurId, admin } = await buildDemarche(db, { published: false });
    const who = { administrateurId, userId: admin.userId };
    expect(
      await updateSpecialProcedures(db, who, demarche.id, { ...settings, svaSvrDecision: "sva", svaSvrPeriod: "0" }),
    ).toEqual({
      ok: false,
      refusals: [{ code: "period_not_positive", field: "svaSvrPeriod" }],
    });
    expect(
      await updateSpecialProcedures(db, who, demarche.id, { ...settings, svaSvrDecision: "sva", declarative: "accepte" }),
    ).toMatchObject({ ok: false, refusals: [{ code: "incompatible_with_declarative" }] });
    expect(await updateSpecialProcedures(db, who, demarche.id, { ...settings, svaSvrUnit: "years" })).toMatchObject({
      ok: false,
      refusals: [{ code: "invalid", field: "svaSvrUnit" }],
    });
    const other = await buildDemarche(db);
    await expect(
      updateSpecialProcedures(db, { administrateurId: other.administrateurId, userId: other.admin.userId }, demarche.id, {
        ...settings,
        accuseLecture: true,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(demarches).where(eq(demarches.id, demarche.id));
    expect(row).toMatchObject({ svaSvr: {}, declarativeWithState: null, accuseLecture: false });
  });
});

describe("SVA/SVR", () => {
  it("passes a submitted dossier en instruction with its date, which a correction moves", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    await db
      .update(demarches)
      .set({ svaSvr: { decision: "sva", period: 10, unit: "days", resume: "continue" } })
      .where(eq(demarches.id, demarche.id));
    const { dossierId } = await buildDossier(db, { demarche, state: "en_construction" });
    const row = await dossierRow(dossierId);
    expect(row?.state).toBe("en_instruction");
    expect(row?.svaSvrDecisionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await events_(dossierId)).toEqual(["depose", "passe_en_instruction_automatiquement"]);
  });

  it("the daily job accepts (SVA) or refuses (SVR) the dossiers whose day has come, once", async () => {
    const { db } = database;
    const sva = await buildDemarche(db);
    const svr = await buildDemarche(db);
    await db
      .update(demarches)
      .set({ svaSvr: { decision: "sva", period: 1, unit: "months", resume: "continue" } })
      .where(eq(demarches.id, sva.demarche.id));
    await db
      .update(demarches)
      .set({ svaSvr: { decision: "svr", period: 1, unit: "months", resume: "continue" } })
      .where(eq(demarches.id, svr.demarche.id));
    const due = (await buildDossier(db, { demarche: sva.demarche, state: "en_construction" })).dossierId;
    const notDue = (await buildDossier(db, { demarche: sva.demarche, state: "en_construction" })).dossierId;
    const refused = (await buildDossier(db, { demarche: svr.demarche, state: "en_construction" })).dossierId;
    const withCorrection = (await buildDossier(db, { demarche: sva.demarche, state: "en_construction" })).dossierId;
    // Deposited two months ago (the date is recomputed from depose_at).
    for (const id of [due, refused, withCorrection]) {
      await db.update(dossiers).set({ deposeAt: sql`now() - interval '2 months'` }).where(eq(dossiers.id, id));
    }
    // A pending correction: the decision waits.
    await db.execute(
      sql`with c as (insert into commentaires (dossier_id, author_kind, email, body) values (${withCorrection}, 'instructeur', 'i@exemple.fr', 'Corrigez') returning id)
          insert into dossier_corrections (dossier_id, commentaire_id, reason) select ${withCorrection}, id, 'incorrect' from c`,
    );
    const report = await processSvaSvrDaily(db);
    expect(report.accepted).toBeGreaterThanOrEqual(1);
    expect(report.refused).toBeGreaterThanOrEqual(1);
    expect((await dossierRow(due))?.state).toBe("accepte");
    expect((await dossierRow(due))?.svaSvrDecisionTriggeredAt).not.toBeNull();
    expect(await events_(due)).toEqual(["depose", "passe_en_instruction_automatiquement", "accepte_automatiquement"]);
    expect(await mailsFor("dossier_accepte", due)).toHaveLength(1);
    expect((await dossierRow(notDue))?.state).toBe("en_instruction");
    const refusedRow = await dossierRow(refused);
    expect(refusedRow?.state).toBe("refuse");
    expect(refusedRow?.motivation).toContain("silence vaut rejet");
    expect((await dossierRow(withCorrection))?.state).toBe("en_instruction");
    // Resolved: decided at the next pass.
    await db
      .update(dossierCorrections)
      .set({ resolvedAt: sql`now() - interval '2 months'`, createdAt: sql`now() - interval '2 months'` })
      .where(eq(dossierCorrections.dossierId, withCorrection));
    const again = await processSvaSvrDaily(db);
    expect((await dossierRow(withCorrection))?.state).toBe("accepte");
    expect(again.refused).toBe(0);
    expect(await events_(due)).toHaveLength(3);
  });
});

describe("accusé de lecture", () => {
  it("hides the decision from the usager until they acknowledge it; another usager gets 404", async () => {
    const { db } = database;
    const { demarche } = await buildDemarche(db);
    await db.update(demarches).set({ accuseLecture: true }).where(eq(demarches.id, demarche.id));
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "refuse", motivation: "Hors délai." });
    expect(await mailsFor("dossier_refuse", dossierId)).toHaveLength(0);
    const neutral = await mailsFor("dossier_decision_disponible", dossierId);
    expect(neutral).toHaveLength(1);
    expect(neutral[0]?.payload.params.motivation).toBeNull();

    const stranger = await buildUser(db);
    await expect(acknowledgeDecision(db, stranger.userId, dossierId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await dossierRow(dossierId))?.accuseLectureAgreementAt).toBeNull();

    expect(await acknowledgeDecision(db, usager.userId, dossierId)).toEqual({ ok: true });
    expect((await dossierRow(dossierId))?.accuseLectureAgreementAt).not.toBeNull();
    expect(await acknowledgeDecision(db, usager.userId, dossierId)).toMatchObject({
      ok: false,
      refusals: [{ code: "nothing_to_acknowledge" }],
    });
    const recorded = await db.select({ kind: events.kind }).from(events).where(eq(events.dossierId, dossierId));
    expect(recorded.filter((e) => e.kind === "dossier.accuse_lecture")).toHaveLength(1);
    const page = await loadUsagerDossierPage(db, usager.userId, dossierId);
    expect(page.dossier.state).toBe("refuse");
  });
});
