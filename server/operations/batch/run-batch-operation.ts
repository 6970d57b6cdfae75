/**
 * Processes a batch (the `batch-operation` job): its pending dossiers one by one, each through the
 * operation of the single-dossier action, so that events, mails and counters are exactly those of
 * that action. Each dossier is one transaction holding both the operation (a savepoint) and its
 * item's result: a retried job skips the items already done and never runs an operation twice.
 * A dossier the instructeur can no longer see is refused with `not_found`. When no item is left
 * pending, the batch is finished.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { batchOperationItems, batchOperations, instructeurs, users } from "../../db/schema";
import { type BatchKind, type BatchParams, isBatchKind } from "../../domain/batch/batch";
import { NotFoundError } from "../../errors";
import type { OperationResult } from "../../refusal";
import { attachBatchJustificatif } from "../attachments/batch-justificatif";
import { requestAvis } from "../avis/request-avis";
import { accepterDossier } from "../dossiers/accepter-dossier";
import { archiveDossier } from "../dossiers/archive-dossier";
import { changeDossierLabels } from "../dossiers/change-dossier-labels";
import { classerSansSuite } from "../dossiers/classer-sans-suite";
import { followDossier } from "../dossiers/follow-dossier";
import type { InstructeurActor } from "../dossiers/instructeur-transition";
import { passerEnInstruction } from "../dossiers/passer-en-instruction";
import { refuserDossier } from "../dossiers/refuser-dossier";
import { repasserEnConstruction } from "../dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../dossiers/repasser-en-instruction";
import { sendMessage } from "../messages/send-message";

type Run = (
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  params: BatchParams,
  demarcheId: number,
) => Promise<OperationResult>;

/**
 * A final decision, then (same transaction: both or neither) the batch's justificatif shared by
 * this dossier, as the single decision form claims its own.
 */
const decisionRun =
  (decide: typeof accepterDossier): Run =>
  async (db, actor, id, p) => {
    const result = await decide(db, actor, id, p.motivation ?? null);
    if (result.ok && p.justificatifId) {
      await attachBatchJustificatif(db, { sourceId: p.justificatifId, dossierId: id, userId: actor.userId });
    }
    return result;
  };

const followRun =
  (follow: boolean): Run =>
  async (db, actor, dossierId) => {
    await followDossier(db, { instructeurId: actor.instructeurId, userId: actor.userId }, dossierId, follow);
    return { ok: true };
  };

/** Each kind's single-dossier operation. */
const OPERATIONS: Record<BatchKind, Run> = {
  passer_en_instruction: (db, actor, id) => passerEnInstruction(db, actor, id),
  repasser_en_construction: (db, actor, id) => repasserEnConstruction(db, actor, id),
  accepter: decisionRun(accepterDossier),
  refuser: decisionRun(refuserDossier),
  classer_sans_suite: decisionRun(classerSansSuite),
  repasser_en_instruction: (db, actor, id) => repasserEnInstruction(db, actor, id),
  suivre: followRun(true),
  ne_plus_suivre: followRun(false),
  archiver: (db, actor, id) => archiveDossier(db, actor, id, "archiver"),
  desarchiver: (db, actor, id) => archiveDossier(db, actor, id, "desarchiver"),
  supprimer: (db, actor, id) => archiveDossier(db, actor, id, "supprimer"),
  restaurer: (db, actor, id) => archiveDossier(db, actor, id, "restaurer"),
  ajouter_label: (db, actor, id, p) => changeDossierLabels(db, actor, id, { add: p.labelId as number }),
  retirer_label: (db, actor, id, p) => changeDossierLabels(db, actor, id, { remove: p.labelId as number }),
  envoyer_message: async (db, actor, id, p) => {
    const sent = await sendMessage(
      db,
      { kind: "instructeur", userId: actor.userId, instructeurId: actor.instructeurId, email: actor.email },
      { dossierId: id, body: p.body ?? "" },
    );
    return sent.ok ? { ok: true } : sent;
  },
  demander_avis: async (db, actor, id, p, demarcheId) => {
    // The avis operation finds the dossier in the instructeur's scope (and in the batch's démarche) itself.
    const asked = await requestAvis(
      db,
      { kind: "instructeur", userId: actor.userId, instructeurId: actor.instructeurId, demarcheId, dossierId: id },
      {
        emails: p.emails ?? "",
        introduction: p.introduction ?? "",
        confidentiel: p.confidentiel === true,
        annotationsVisible: false,
        withQuestion: false,
        questionLabel: "",
        attachmentId: null,
        locale: p.locale === "en" ? "en" : "fr",
      },
    );
    return asked.ok ? { ok: true } : asked;
  },
};

/** One item: its operation inside the item's transaction (nested: a savepoint), then its result. */
async function processItem(tx: Tx, batchOperationId: number, dossierId: number, run: () => Promise<OperationResult>) {
  // Locked and re-read: a concurrent run of the same job (or a retry) finds it done and skips it.
  const [item] = await tx
    .select({ state: batchOperationItems.state })
    .from(batchOperationItems)
    .where(and(eq(batchOperationItems.batchOperationId, batchOperationId), eq(batchOperationItems.dossierId, dossierId)))
    .for("update");
  if (item?.state !== "pending") return;
  let outcome: OperationResult;
  try {
    outcome = await run();
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    outcome = { ok: false, refusals: [{ code: "not_found", field: "form" }] };
  }
  const refusal = outcome.ok ? null : (outcome.refusals[0] ?? { code: "refused", field: "form" });
  await tx
    .update(batchOperationItems)
    .set({
      state: refusal ? "refused" : "succeeded",
      refusalCode: refusal?.code ?? null,
      refusalParams: refusal?.params ?? null,
      processedAt: sql`now()`,
    })
    .where(and(eq(batchOperationItems.batchOperationId, batchOperationId), eq(batchOperationItems.dossierId, dossierId)));
}

/** Runs what is left of the batch; returns how many items this run processed. */
export async function runBatchOperation(db: Db, batchOperationId: number): Promise<{ processed: number }> {
  const [batch] = await db
    .select({
      id: batchOperations.id,
      demarcheId: batchOperations.demarcheId,
      kind: batchOperations.kind,
      params: batchOperations.params,
      state: batchOperations.state,
      instructeurId: batchOperations.instructeurId,
      userId: users.id,
      email: users.email,
    })
    .from(batchOperations)
    .innerJoin(instructeurs, eq(instructeurs.id, batchOperations.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(batchOperations.id, batchOperationId));
  if (!batch || batch.state !== "running") return { processed: 0 };
  const actor: InstructeurActor = { userId: batch.userId, instructeurId: batch.instructeurId, email: batch.email };
  const params = (batch.params ?? {}) as BatchParams;
  const operation = isBatchKind(batch.kind) ? OPERATIONS[batch.kind] : null;

  const pending = await db
    .select({ dossierId: batchOperationItems.dossierId })
    .from(batchOperationItems)
    .where(and(eq(batchOperationItems.batchOperationId, batch.id), eq(batchOperationItems.state, "pending")))
    .orderBy(asc(batchOperationItems.dossierId));
  let processed = 0;
  for (const { dossierId } of pending) {
    await db.transaction((tx) =>
      processItem(tx, batch.id, dossierId, async () =>
        operation
          ? // The operation opens its own transaction: on this handle, a savepoint of the item's.
            operation(tx as unknown as Db, actor, dossierId, params, batch.demarcheId)
          : { ok: false, refusals: [{ code: "unknown_kind", field: "form" }] },
      ),
    );
    processed++;
  }

  await db
    .update(batchOperations)
    .set({ state: "finished", finishedAt: sql`now()` })
    .where(
      and(
        eq(batchOperations.id, batch.id),
        eq(batchOperations.state, "running"),
        sql`not exists (select 1 from ${batchOperationItems} where ${batchOperationItems.batchOperationId} = ${batch.id} and ${batchOperationItems.state} = 'pending')`,
      ),
    );
  return { processed };
}
