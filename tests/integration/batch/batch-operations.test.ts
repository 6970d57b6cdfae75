/**
 * Batch operations (issue 9 item 7): creation checks (nothing created when refused: too many,
 * another démarche's or groupe's dossier, a dossier already in a running batch, a missing
 * motivation), processing through the single-dossier operations (mixed successes and refusals,
 * events and mails as for one dossier), retry idempotence and exact tab counters afterwards.
 */
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import {
  batchOperationItems,
  batchOperations,
  dossierLabels,
  dossiers,
  events,
  groupesInstructeurs,
  labels,
  traitements,
} from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { createMailer } from "../../../server/integrations/mailer";
import { runJobsOnce } from "../../../server/jobs/worker";
import { logger } from "../../../server/logger";
import { createBatchOperation } from "../../../server/operations/batch/create-batch-operation";
import { dismissBatchOperation } from "../../../server/operations/batch/dismiss-batch-operation";
import { runBatchOperation } from "../../../server/operations/batch/run-batch-operation";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import { createLabel } from "../../../server/operations/labels/create-label";
import { listBatchOperations } from "../../../server/queries/instructeur/batches";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { asActor, type Actor } from "../instructeur/helpers";
import { batchItems, createdBatchId, expectCountersExact } from "./support";

let database: TestDatabase;
let db: Db;
let demarcheId: number;
let administrateurId: number;
let me: Actor;
let outsider: Actor;
const enInstruction: number[] = [];
let enConstruction: number;
let accepte: number;
let otherGroupeDossier: number;
let otherDemarcheDossier: number;
let otherDemarcheLabel: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const built = await buildDemarche(db, { libelle: "Lots", instructeurEmails: ["lots@exemple.fr"] });
  demarcheId = built.demarche.id;
  administrateurId = built.administrateurId;
  me = asActor(built.instructeurs[0] as never);
  for (let i = 0; i < 6; i++) {
    enInstruction.push(
      (await buildDossier(db, { demarche: built.demarche, state: "en_instruction", instructeur: me })).dossierId,
    );
  }
  enConstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  accepte = (await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur: me })).dossierId;
  // A dossier of the same démarche routed to a groupe I am not in.
  otherGroupeDossier = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  const [groupe] = await db
    .insert(groupesInstructeurs)
    .values({ demarcheId, label: "Autre groupe" })
    .returning({ id: groupesInstructeurs.id });
  await db
    .update(dossiers)
    .set({ groupeInstructeurId: groupe?.id as number })
    .where(eq(dossiers.id, otherGroupeDossier));

  const other = await buildDemarche(db, { libelle: "Ailleurs", instructeurEmails: ["lots-ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
  otherDemarcheDossier = (await buildDossier(db, { demarche: other.demarche, state: "en_instruction", instructeur: outsider }))
    .dossierId;
  const label = await createLabel(db, other.administrateurId, other.demarche.id, { name: "Ailleurs", color: "green-menthe" });
  if (!label.ok) throw new Error("createLabel");
  otherDemarcheLabel = label.labelId;
}, 180_000);
afterAll(() => database?.close());

async function batchCount() {
  const [row] = await db.select({ n: count() }).from(batchOperations);
  return Number(row?.n ?? 0);
}

describe("creating a batch", () => {
  it("refuses bad requests and creates nothing", async () => {
    const tooMany = Array.from({ length: 501 }, (_, i) => i + 1);
    expect(await createBatchOperation(db, me, demarcheId, { kind: "accepter", dossierIds: tooMany })).toEqual({
      ok: false,
      refusals: [{ code: "too_many", field: "dossiers", params: { max: 500, count: 501 } }],
    });
    expect(await createBatchOperation(db, me, demarcheId, { kind: "accepter", dossierIds: [] })).toMatchObject({
      ok: false,
      refusals: [{ code: "no_dossier" }],
    });
    expect(
      await createBatchOperation(db, me, demarcheId, { kind: "detruire", dossierIds: [enInstruction[0] as number] }),
    ).toMatchObject({ ok: false, refusals: [{ code: "unknown_kind", field: "intent" }] });
    for (const kind of ["refuser", "classer_sans_suite"]) {
      expect(
        await createBatchOperation(db, me, demarcheId, { kind, dossierIds: [enInstruction[0] as number], motivation: "  " }),
      ).toMatchObject({ ok: false, refusals: [{ code: "motivation_required", field: "motivation" }] });
    }
    expect(
      await createBatchOperation(db, me, demarcheId, { kind: "ajouter_label", dossierIds: [enInstruction[0] as number] }),
    ).toMatchObject({ ok: false, refusals: [{ code: "label_required", field: "label" }] });
    expect(
      await createBatchOperation(db, me, demarcheId, {
        kind: "ajouter_label",
        dossierIds: [enInstruction[0] as number],
        labelId: otherDemarcheLabel,
      }),
    ).toMatchObject({ ok: false, refusals: [{ code: "label_unknown", field: "label" }] });
    expect(await batchCount()).toBe(0);
  });

  it("treats a dossier of another démarche or groupe, or another instructeur, as not found: nothing created", async () => {
    const jobsBefore = await queuedJobs();
    for (const stranger of [otherDemarcheDossier, otherGroupeDossier, 99_999_999]) {
      await expect(
        createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [enInstruction[0] as number, stranger] }),
      ).rejects.toThrow(NotFoundError);
    }
    await expect(
      createBatchOperation(db, outsider, demarcheId, { kind: "suivre", dossierIds: [enInstruction[0] as number] }),
    ).rejects.toThrow(NotFoundError);
    expect(await batchCount()).toBe(0);
    expect(await queuedJobs()).toBe(jobsBefore);
  });

  it("refuses a dossier already in a running batch, naming it, until that batch is finished", async () => {
    const [a, b, c] = enInstruction as [number, number, number];
    const first = createdBatchId(await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [a, b] }));
    expect(await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [b, c] })).toEqual({
      ok: false,
      refusals: [{ code: "already_in_batch", field: "dossiers", params: { count: 1, numbers: String(b) } }],
    });
    expect(await batchCount()).toBe(1);
    // The database itself refuses a second pending item for the same dossier.
    const [second] = await db
      .insert(batchOperations)
      .values({ demarcheId, instructeurId: me.instructeurId, kind: "suivre" })
      .returning({ id: batchOperations.id });
    await expect(
      db.insert(batchOperationItems).values({ batchOperationId: second?.id as number, dossierId: b }),
    ).rejects.toThrow();
    await db.delete(batchOperations).where(eq(batchOperations.id, second?.id as number));

    // A running batch cannot be dismissed; another instructeur's batch does not exist for me.
    expect(await dismissBatchOperation(db, me.instructeurId, demarcheId, first)).toMatchObject({ ok: false });
    await runBatchOperation(db, first);
    await expect(dismissBatchOperation(db, outsider.instructeurId, demarcheId, first)).rejects.toThrow(NotFoundError);
    const again = createdBatchId(await createBatchOperation(db, me, demarcheId, { kind: "ne_plus_suivre", dossierIds: [b, c] }));
    await runBatchOperation(db, again);
    expect((await batchItems(db, again)).map((i) => i.state)).toEqual(["succeeded", "succeeded"]);
    expect(await dismissBatchOperation(db, me.instructeurId, demarcheId, first)).toEqual({ ok: true });
    // A second click on a report already hidden (another tab, a double click): no error, nothing changes.
    expect(await dismissBatchOperation(db, me.instructeurId, demarcheId, first)).toEqual({ ok: true });
    expect((await listBatchOperations(db, me.instructeurId, demarcheId)).map((x) => x.id)).toEqual([again]);
    await dismissBatchOperation(db, me.instructeurId, demarcheId, again);
  });
});

describe("processing a batch", () => {
  it("accepts each dossier through the single operation, refusing those in the wrong state with the reason", async () => {
    const [a, b, c] = enInstruction.slice(3) as [number, number, number];
    const targets = [a, b, c, enConstruction, accepte];
    const [lastEvent] = await db.select({ id: sql<number>`coalesce(max(${events.id}), 0)::int` }).from(events);
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "accepter", dossierIds: targets, motivation: "Dossier complet." }),
    );
    // The job was queued with the batch, and the worker runs it.
    const services = {
      config: database.config,
      db,
      logger: logger.child({}, { level: "silent" }),
      mailer: createMailer(database.config, db),
    };
    await runJobsOnce(database, services);
    expect(await batchItems(db, batchId)).toEqual([
      { dossierId: a, state: "succeeded", refusalCode: null },
      { dossierId: b, state: "succeeded", refusalCode: null },
      { dossierId: c, state: "succeeded", refusalCode: null },
      { dossierId: enConstruction, state: "refused", refusalCode: "invalid_transition" },
      { dossierId: accepte, state: "refused", refusalCode: "invalid_transition" },
    ]);
    const states = await db
      .select({ id: dossiers.id, state: dossiers.state, motivation: dossiers.motivation })
      .from(dossiers)
      .where(inArray(dossiers.id, [a, b, c, enConstruction]))
      .orderBy(asc(dossiers.id));
    expect(states.map((s) => [s.state, s.motivation])).toEqual([
      ["accepte", "Dossier complet."],
      ["accepte", "Dossier complet."],
      ["accepte", "Dossier complet."],
      ["en_construction", null],
    ]);
    // One event and one usager mail per accepted dossier, as a single acceptation does.
    const accepted = await db
      .select({ dossierId: events.dossierId })
      .from(events)
      .where(
        and(eq(events.kind, "dossier.accepte"), inArray(events.dossierId, targets), sql`${events.id} > ${lastEvent?.id ?? 0}`),
      );
    expect(accepted.map((e) => e.dossierId).sort()).toEqual([a, b, c].sort());

    const [view] = await listBatchOperations(db, me.instructeurId, demarcheId);
    expect(view).toMatchObject({ id: batchId, state: "finished", total: 5, done: 5, succeeded: [a, b, c] });
    expect(view?.refused.map((r) => [r.dossierId, r.refusalCode])).toEqual([
      [enConstruction, "invalid_transition"],
      [accepte, "invalid_transition"],
    ]);
    await expectCountersExact(db, me.instructeurId, demarcheId);
  });

  it("resumes after a crash without running any operation twice, and a second run does nothing", async () => {
    const [a, b, c] = enInstruction.slice(0, 3) as [number, number, number];
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "refuser", dossierIds: [a, b, c], motivation: "Hors délai." }),
    );
    // The first dossier was done and committed before the worker died.
    await db.transaction(async (tx) => {
      await accepterDossier(tx as unknown as Db, me, a);
      await tx
        .update(batchOperationItems)
        .set({ state: "succeeded", processedAt: new Date() })
        .where(and(eq(batchOperationItems.batchOperationId, batchId), eq(batchOperationItems.dossierId, a)));
    });
    const traitementsOf = async () =>
      (
        await db
          .select({ id: traitements.dossierId })
          .from(traitements)
          .where(inArray(traitements.dossierId, [a, b, c]))
      ).length;
    const before = await traitementsOf();
    expect(await runBatchOperation(db, batchId)).toEqual({ processed: 2 });
    expect(await traitementsOf()).toBe(before + 2);
    // A retried job (same batch, already finished) changes nothing.
    expect(await runBatchOperation(db, batchId)).toEqual({ processed: 0 });
    await db.update(batchOperations).set({ state: "running" }).where(eq(batchOperations.id, batchId));
    expect(await runBatchOperation(db, batchId)).toEqual({ processed: 0 });
    expect(await traitementsOf()).toBe(before + 2);
    const [batch] = await db.select().from(batchOperations).where(eq(batchOperations.id, batchId));
    expect(batch?.state).toBe("finished");
    expect(batch?.finishedAt).not.toBeNull();
    const [dossierA] = await db.select({ state: dossiers.state }).from(dossiers).where(eq(dossiers.id, a));
    expect(dossierA?.state).toBe("accepte");
    await expectCountersExact(db, me.instructeurId, demarcheId);
  });

  it("archives decided dossiers only, and adds a label except where it already is", async () => {
    const decided = enInstruction.slice(0, 3);
    const stillOpen = enConstruction;
    const archive = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "archiver", dossierIds: [...decided, stillOpen] }),
    );
    await runBatchOperation(db, archive);
    expect((await batchItems(db, archive)).map((i) => i.refusalCode)).toEqual([null, null, null, "not_termine"]);
    await expectCountersExact(db, me.instructeurId, demarcheId);

    const label = await createLabel(db, administrateurId, demarcheId, { name: "Urgent", color: "pink-macaron" });
    if (!label.ok) throw new Error("createLabel");
    await db.insert(dossierLabels).values({ dossierId: stillOpen, labelId: label.labelId });
    const add = createdBatchId(
      await createBatchOperation(db, me, demarcheId, {
        kind: "ajouter_label",
        dossierIds: [decided[0] as number, stillOpen],
        labelId: label.labelId,
      }),
    );
    await runBatchOperation(db, add);
    expect((await batchItems(db, add)).map((i) => [i.dossierId, i.state, i.refusalCode])).toEqual([
      [decided[0], "succeeded", null],
      [stillOpen, "refused", "label_already_added"],
    ]);
    const onDossier = await db.select().from(dossierLabels).where(eq(dossierLabels.labelId, label.labelId));
    expect(onDossier).toHaveLength(2);
    const [labelRow] = await db.select().from(labels).where(eq(labels.id, label.labelId));
    expect(labelRow?.demarcheId).toBe(demarcheId);
  });

  it("refuses a dossier the instructeur lost access to with not_found, and goes on", async () => {
    const [a] = enInstruction.slice(4) as [number];
    const batchId = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [a, otherGroupeDossier - 1] }),
    );
    // The second dossier moves to a groupe the instructeur is not in, before the job runs.
    const [groupe] = await db
      .select({ id: dossiers.groupeInstructeurId })
      .from(dossiers)
      .where(eq(dossiers.id, otherGroupeDossier));
    await db
      .update(dossiers)
      .set({ groupeInstructeurId: groupe?.id as number })
      .where(eq(dossiers.id, otherGroupeDossier - 1));
    await runBatchOperation(db, batchId);
    expect((await batchItems(db, batchId)).map((i) => i.refusalCode)).toEqual([null, "not_found"]);
  });
});

async function queuedJobs(): Promise<number> {
  const [row] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker._private_jobs`)).rows;
  return row?.n ?? 0;
}
