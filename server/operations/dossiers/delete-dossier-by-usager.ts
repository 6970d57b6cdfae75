/**
 * « Supprimer le dossier » by its usager (ds-behaviour §2.5): the dossier is hidden
 * (`hidden_by_user_at`), restorable from « Supprimés récemment », and purged by the daily job (a
 * brouillon or en construction 2 weeks later; a decided dossier once the administration deleted it
 * too). En instruction: a specific refusal. A pending transfer of the dossier is cancelled, as the
 * reference does. An en construction dossier the usager deleted leaves the instructeurs' lists (the
 * counters' trigger follows). Owner-only (`findUsagerDossier`): a co-editor or another usager gets
 * NotFoundError and nothing changes.
 */
import { and, eq, notExists } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossierTransferItems, dossierTransfers, dossiers } from "../../db/schema";
import { type UsagerDeletionRefusal, usagerDeletionRefusal } from "../../domain/dossier/usager-deletion";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";

export function deleteDossierByUsager(
  db: Db,
  userId: number,
  dossierId: number,
  now: Date = new Date(),
): Promise<OperationResult<{ state: string }, object>> {
  return db.transaction(async (tx) => {
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    const refusal: UsagerDeletionRefusal | null = usagerDeletionRefusal(dossier);
    if (refusal) return refuse(refusal);
    await tx
      .update(dossiers)
      .set({ hiddenByUserAt: now, lockVersion: dossier.lockVersion + 1 })
      .where(eq(dossiers.id, dossier.id));
    const cancelled = await tx
      .delete(dossierTransferItems)
      .where(eq(dossierTransferItems.dossierId, dossier.id))
      .returning({ transferId: dossierTransferItems.transferId });
    // A transfer left without dossiers goes with it (the recipient has nothing to accept).
    for (const { transferId } of cancelled) {
      await tx
        .delete(dossierTransfers)
        .where(
          and(
            eq(dossierTransfers.id, transferId),
            notExists(tx.select().from(dossierTransferItems).where(eq(dossierTransferItems.transferId, transferId))),
          ),
        );
    }
    await recordEvent(tx, {
      kind: "dossier.supprime_par_usager",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "usager",
      actorUserId: userId,
      payload: { state: dossier.state, transferCancelled: cancelled.length > 0 },
    });
    return { ok: true, state: dossier.state };
  });
}
