/**
 * « Restaurer » a dossier its usager deleted (ds-behaviour §2.5 `restore`): clears
 * `hidden_by_user_at` while the daily purge has not deleted it (past the grace period: a specific
 * refusal, even if the purge has not run yet). A dossier hidden by expiry is restored by
 * « Conserver plus longtemps » instead (`extend-conservation`). Owner-only: anyone else gets
 * NotFoundError and nothing changes.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { type UsagerRestoreRefusal, usagerRestoreRefusal } from "../../domain/dossier/usager-deletion";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";

export function restoreDossierByUsager(
  db: Db,
  userId: number,
  dossierId: number,
  now: Date = new Date(),
): Promise<OperationResult> {
  return db.transaction(async (tx) => {
    const { dossier } = await findUsagerDossier(tx, userId, dossierId, true);
    const refusal: UsagerRestoreRefusal | null = usagerRestoreRefusal(dossier, now);
    if (refusal) return refuse(refusal);
    await tx
      .update(dossiers)
      .set({ hiddenByUserAt: null, lockVersion: dossier.lockVersion + 1 })
      .where(eq(dossiers.id, dossier.id));
    await recordEvent(tx, {
      kind: "dossier.restaure_par_usager",
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: "usager",
      actorUserId: userId,
      payload: { state: dossier.state },
    });
    return { ok: true };
  });
}
