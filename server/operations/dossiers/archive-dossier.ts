/**
 * Archive / unarchive, put in the corbeille / restore (ds-behaviour §2.5): terminé dossiers only,
 * in the instructeur's scope (another démarche's dossier is NotFoundError), one domain event each.
 * The tab counters follow through the `dossiers` trigger, in this same transaction.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { type ArchiveAction, archiveRefusal } from "../../domain/dossier/archive";
import { recordEvent } from "../../events/record-event";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import type { InstructeurActor } from "./instructeur-transition";

const EVENT = {
  archiver: "dossier.archive",
  desarchiver: "dossier.desarchive",
  supprimer: "dossier.supprime",
  restaurer: "dossier.restaure",
} as const;

export function archiveDossier(
  db: Db,
  actor: InstructeurActor,
  dossierId: number,
  action: ArchiveAction,
  now: Date = new Date(),
): Promise<OperationResult> {
  return db.transaction(async (tx) => {
    const { dossier } = await findInstructeurDossier(tx, actor.instructeurId, dossierId, true);
    const refusal = archiveRefusal(action, dossier);
    if (refusal) return refuse(refusal);
    const changes =
      action === "archiver"
        ? { archived: true, archivedAt: now, archivedBy: actor.email }
        : action === "desarchiver"
          ? { archived: false, archivedAt: null, archivedBy: null }
          : { hiddenByAdministrationAt: action === "supprimer" ? now : null };
    await tx
      .update(dossiers)
      .set({ ...changes, updatedAt: now, lockVersion: dossier.lockVersion + 1 })
      .where(eq(dossiers.id, dossier.id));
    const base = {
      demarcheId: dossier.demarcheId,
      dossierId: dossier.id,
      actor: actor.kind ?? "instructeur",
      actorUserId: actor.userId,
    };
    if (action === "supprimer") {
      await recordEvent(tx, {
        ...base,
        kind: EVENT.supprimer,
        payload: { instructeurId: actor.instructeurId, reason: "instructeur_request" },
      });
    } else {
      await recordEvent(tx, { ...base, kind: EVENT[action], payload: { instructeurId: actor.instructeurId } });
    }
    return { ok: true };
  });
}
