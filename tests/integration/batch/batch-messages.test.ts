/**
 * Batch message and batch avis request (issue 9 item 7), run through the single-dossier operations
 * (refusals per dossier: messagerie closed on an archived dossier, no avis on a decided one), and
 * the sweep that fails a batch whose job died so that its dossiers are free again. Tab counters
 * stay equal to a recount.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/db/client";
import { avis, batchOperationItems, batchOperations, commentaires, events } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { CRONTAB, JOBS } from "../../../server/jobs/registry";
import { createBatchOperation } from "../../../server/operations/batch/create-batch-operation";
import { dismissBatchOperation } from "../../../server/operations/batch/dismiss-batch-operation";
import { failStuckBatchOperations } from "../../../server/operations/batch/fail-stuck-batch-operations";
import { runBatchOperation } from "../../../server/operations/batch/run-batch-operation";
import { archiveDossier } from "../../../server/operations/dossiers/archive-dossier";
import { listBatchOperations } from "../../../server/queries/instructeur/batches";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { asActor, type Actor } from "../instructeur/helpers";
import { batchItems, createdBatchId, expectCountersExact } from "./support";

let database: TestDatabase;
let db: Db;
let demarcheId: number;
let me: Actor;
let outsider: Actor;
let enConstruction: number;
let enInstruction: number;
let archived: number;
let foreignDossier: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const built = await buildDemarche(db, { libelle: "Lots de messages", instructeurEmails: ["lots-messages@exemple.fr"] });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  enConstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_construction" })).dossierId;
  enInstruction = (await buildDossier(db, { demarche: built.demarche, state: "en_instruction", instructeur: me })).dossierId;
  archived = (await buildDossier(db, { demarche: built.demarche, state: "accepte", instructeur: me })).dossierId;
  expect(await archiveDossier(db, me, archived, "archiver")).toMatchObject({ ok: true });
  const other = await buildDemarche(db, { instructeurEmails: ["lots-messages-ailleurs@exemple.fr"] });
  outsider = asActor(other.instructeurs[0] as never);
  foreignDossier = (await buildDossier(db, { demarche: other.demarche, state: "en_construction" })).dossierId;
}, 180_000);
afterAll(() => database?.close());

describe("batch message", () => {
  it("refuses an empty message and creates nothing", async () => {
    const before = await db.select({ n: count() }).from(batchOperations);
    const result = await createBatchOperation(db, me, demarcheId, {
      kind: "envoyer_message",
      dossierIds: [enConstruction],
      body: " ",
    });
    expect(result).toEqual({ ok: false, refusals: [{ code: "body_required", field: "body" }] });
    expect(await db.select({ n: count() }).from(batchOperations)).toEqual(before);
  });

  it("treats another démarche's dossier as not found (nothing created)", async () => {
    await expect(
      createBatchOperation(db, me, demarcheId, {
        kind: "envoyer_message",
        dossierIds: [enConstruction, foreignDossier],
        body: "Bonjour",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createBatchOperation(db, outsider, demarcheId, { kind: "envoyer_message", dossierIds: [enConstruction], body: "Bonjour" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends the message in each open messagerie, refusing the archived dossier with its reason", async () => {
    const id = createdBatchId(
      await createBatchOperation(db, me, demarcheId, {
        kind: "envoyer_message",
        dossierIds: [enConstruction, enInstruction, archived],
        body: "Pensez à joindre votre RIB.",
      }),
    );
    expect(await runBatchOperation(db, id)).toEqual({ processed: 3 });
    expect(await batchItems(db, id)).toEqual([
      { dossierId: enConstruction, state: "succeeded", refusalCode: null },
      { dossierId: enInstruction, state: "succeeded", refusalCode: null },
      { dossierId: archived, state: "refused", refusalCode: "dossier_archived" },
    ]);
    const sent = await db
      .select({ dossierId: commentaires.dossierId })
      .from(commentaires)
      .where(and(eq(commentaires.instructeurId, me.instructeurId), sql`${commentaires.body} like '%RIB%'`))
      .orderBy(asc(commentaires.dossierId));
    expect(sent.map((c) => c.dossierId)).toEqual([enConstruction, enInstruction]);
    const recorded = await db
      .select({ dossierId: events.dossierId })
      .from(events)
      .where(and(eq(events.kind, "message.envoye"), eq(events.actorUserId, me.userId)));
    expect(recorded.map((e) => e.dossierId).sort()).toEqual([enConstruction, enInstruction].sort());
    await expectCountersExact(db, me.instructeurId, demarcheId);
  });
});

describe("batch avis request", () => {
  it("refuses invalid addresses before anything is created", async () => {
    const result = await createBatchOperation(db, me, demarcheId, {
      kind: "demander_avis",
      dossierIds: [enInstruction],
      emails: "pas-une-adresse",
      introduction: "Votre avis ?",
    });
    expect(result).toMatchObject({ ok: false, refusals: [{ code: "emails_invalid", field: "emails" }] });
  });

  it("asks each expert on each dossier en cours, refusing the decided one", async () => {
    const id = createdBatchId(
      await createBatchOperation(db, me, demarcheId, {
        kind: "demander_avis",
        dossierIds: [enConstruction, enInstruction, archived],
        emails: "expert-lot@exemple.fr",
        introduction: "Le devis est-il conforme ?",
        confidentiel: true,
        locale: "fr",
      }),
    );
    await runBatchOperation(db, id);
    expect(await batchItems(db, id)).toEqual([
      { dossierId: enConstruction, state: "succeeded", refusalCode: null },
      { dossierId: enInstruction, state: "succeeded", refusalCode: null },
      { dossierId: archived, state: "refused", refusalCode: "dossier_termine" },
    ]);
    const asked = await db
      .select({ dossierId: avis.dossierId, confidentiel: avis.confidentiel, introduction: avis.introduction })
      .from(avis)
      .where(eq(avis.claimantInstructeurId, me.instructeurId))
      .orderBy(asc(avis.dossierId));
    expect(asked).toEqual([
      { dossierId: enConstruction, confidentiel: true, introduction: "Le devis est-il conforme ?" },
      { dossierId: enInstruction, confidentiel: true, introduction: "Le devis est-il conforme ?" },
    ]);
    await expectCountersExact(db, me.instructeurId, demarcheId);
  });
});

describe("stuck batches", () => {
  it("are swept by a cron job", () => {
    expect(JOBS["batch-operation-sweep"]).toBeDefined();
    expect(CRONTAB).toContain("batch-operation-sweep");
  });

  it("fail after an hour without progress, freeing their dossiers for another batch; a live batch is left alone", async () => {
    const stuck = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [enConstruction, enInstruction] }),
    );
    // Its job died after the first dossier.
    await db
      .update(batchOperationItems)
      .set({ state: "succeeded", processedAt: sql`now() - interval '2 hours'` })
      .where(and(eq(batchOperationItems.batchOperationId, stuck), eq(batchOperationItems.dossierId, enConstruction)));
    await db.update(batchOperations).set({ createdAt: sql`now() - interval '3 hours'` }).where(eq(batchOperations.id, stuck));
    const blocked = await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [enInstruction] });
    expect(blocked).toMatchObject({ ok: false, refusals: [{ code: "already_in_batch" }] });
    const live = createdBatchId(
      await createBatchOperation(db, me, demarcheId, { kind: "ne_plus_suivre", dossierIds: [archived] }),
    );

    expect(await failStuckBatchOperations(db)).toEqual([stuck]);
    const [row] = await db.select({ state: batchOperations.state }).from(batchOperations).where(eq(batchOperations.id, stuck));
    expect(row?.state).toBe("failed");
    expect(await batchItems(db, stuck)).toEqual([
      { dossierId: enConstruction, state: "succeeded", refusalCode: null },
      { dossierId: enInstruction, state: "refused", refusalCode: "batch_interrupted" },
    ]);
    const [liveRow] = await db.select({ state: batchOperations.state }).from(batchOperations).where(eq(batchOperations.id, live));
    expect(liveRow?.state).toBe("running");
    // A second sweep finds nothing; the job, if it ever runs, does nothing.
    expect(await failStuckBatchOperations(db)).toEqual([]);
    expect(await runBatchOperation(db, stuck)).toEqual({ processed: 0 });
    // The dossier is free again, the report shows the interruption and can be dismissed.
    createdBatchId(await createBatchOperation(db, me, demarcheId, { kind: "suivre", dossierIds: [enInstruction] }));
    const report = (await listBatchOperations(db, me.instructeurId, demarcheId)).find((b) => b.id === stuck);
    expect(report).toMatchObject({ state: "failed", total: 2, done: 2 });
    expect(await dismissBatchOperation(db, me.instructeurId, demarcheId, stuck)).toMatchObject({ ok: true });
    await expectCountersExact(db, me.instructeurId, demarcheId);
  });
});
