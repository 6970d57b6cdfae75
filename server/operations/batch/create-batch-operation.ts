/**
 * An instructeur starts a batch on dossiers of one démarche (the list's checkboxes, ≤ 500). Checks,
 * before anything is written: the request itself (`checkBatchRequest`); every dossier visible to
 * this instructeur in this démarche (any other → NotFoundError, nothing created, as for a single
 * dossier); the label of the label kinds belongs to the démarche; no dossier is already pending in
 * another running batch (refused with their numbers; the partial unique index
 * `batch_operation_items_running_dossier_key` closes the race between two requests). Then the batch,
 * its items and its job are written in one transaction. A message or an avis request is checked
 * once here (text, addresses); each dossier's operation then gives its own refusals (messagerie
 * closed, dossier decided, démarche without experts…). A final decision may name the justificatif
 * this instructeur uploaded on this démarche (`batch-justificatif.ts`): any other id is refused.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { batchOperationItems, batchOperations, demarches, dossiers, labels } from "../../db/schema";
import { demarchesOfInstructeur, dossiersVisibleToInstructeur } from "../../db/scopes";
import { type BatchRequest, checkBatchRequest, isLabelKind } from "../../domain/batch/batch";
import { NotFoundError } from "../../errors";
import { enqueueJob } from "../../jobs/enqueue";
import { type OperationResult, refuse } from "../../refusal";
import { findBatchJustificatif } from "../attachments/batch-justificatif";
import { parseEmails } from "../avis/email-candidates";
import type { InstructeurActor } from "../dossiers/instructeur-transition";

const RUNNING_DOSSIER_KEY = "batch_operation_items_running_dossier_key";

/** The dossiers among `ids` already pending in a running batch, in number order. */
async function dossiersInRunningBatch(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .select({ id: batchOperationItems.dossierId })
    .from(batchOperationItems)
    .where(and(inArray(batchOperationItems.dossierId, [...ids]), eq(batchOperationItems.state, "pending")))
    .orderBy(asc(batchOperationItems.dossierId));
  return rows.map((r) => r.id);
}

function refuseRunning(numbers: readonly number[]) {
  return refuse("already_in_batch", "dossiers", { count: numbers.length, numbers: numbers.join(", ") });
}

function isRunningDossierConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code ? e : e?.cause;
  return pgError?.code === "23505" && pgError.constraint === RUNNING_DOSSIER_KEY;
}

export async function createBatchOperation(
  db: Db,
  actor: InstructeurActor,
  demarcheId: number,
  request: BatchRequest,
): Promise<OperationResult<{ batchOperationId: number }>> {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const [demarche] = await db
    .select({ id: demarches.id })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), demarchesOfInstructeur(actor.instructeurId)))
    .limit(1);
  if (!demarche) throw new NotFoundError("Demarche");

  const checked = checkBatchRequest(request);
  if (!checked.ok) return checked;
  const { kind, dossierIds, params } = checked;
  // The experts' addresses are the same for every dossier: a bad one refuses the batch, not each dossier.
  if (kind === "demander_avis") {
    const emails = parseEmails(params.emails ?? "");
    if (!emails.ok) return emails;
  }
  if (dossierIds.some((id) => !Number.isSafeInteger(id) || id <= 0)) throw new NotFoundError("Dossier");

  try {
    return await db.transaction(async (tx): Promise<OperationResult<{ batchOperationId: number }>> => {
      const visible = await tx
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(
          and(
            inArray(dossiers.id, dossierIds),
            eq(dossiers.demarcheId, demarcheId),
            dossiersVisibleToInstructeur(actor.instructeurId),
          ),
        );
      // One dossier out of scope, and the whole batch is refused as if it did not exist.
      if (visible.length !== dossierIds.length) throw new NotFoundError("Dossier");

      if (isLabelKind(kind)) {
        const [label] = await tx
          .select({ id: labels.id })
          .from(labels)
          .where(and(eq(labels.id, params.labelId as number), eq(labels.demarcheId, demarcheId)))
          .limit(1);
        if (!label) return refuse("label_unknown", "label");
      }
      if (params.justificatifId) {
        const file = await findBatchJustificatif(tx, { id: params.justificatifId, demarcheId, userId: actor.userId });
        if (!file) return refuse("justificatif_unknown", "justificatif");
      }

      const running = await dossiersInRunningBatch(tx, dossierIds);
      if (running.length > 0) return refuseRunning(running);

      const [batch] = await tx
        .insert(batchOperations)
        .values({ demarcheId, instructeurId: actor.instructeurId, kind, params: { ...params } })
        .returning({ id: batchOperations.id });
      const batchOperationId = (batch as { id: number }).id;
      await tx.insert(batchOperationItems).values(dossierIds.map((dossierId) => ({ batchOperationId, dossierId })));
      await enqueueJob(tx, "batch-operation", { batchOperationId }, { jobKey: `batch-operation-${batchOperationId}` });
      return { ok: true, batchOperationId };
    });
  } catch (error) {
    // Another batch took some of these dossiers between our check and our insert.
    if (isRunningDossierConflict(error)) return refuseRunning(await dossiersInRunningBatch(db, dossierIds));
    throw error;
  }
}
