import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, follows, groupeInstructeurMembers, groupesInstructeurs } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { type OperationResult, refuse } from "../../refusal";
import { findManagedGroupe, type GroupeManager, managerActor } from "../../lookups/managed-groupe";
import { recordEvent } from "../../events/record-event";

/**
 * Removes an instructeur from a groupe of the démarche (`target.groupeId`, by default the default groupe) (their account and their other
 * démarches are untouched; they stop following this groupe's dossiers). Once the démarche has been
 * published its dossiers must always have someone to process them, so the last instructeur cannot
 * be removed: `{ form: "last_instructeur" }` (a key of `admin.instructeurs.errors`).
 */
export async function removeInstructeur(
  db: Db,
  /** An administrateurId, or an instructeur of the groupe when the démarche allows self-management. */
  manager: GroupeManager,
  demarcheId: number,
  instructeurId: number,
  target: { groupeId?: number; actorUserId?: number | null } = {},
): Promise<OperationResult<object>> {
  if (!Number.isSafeInteger(instructeurId) || instructeurId <= 0) throw new NotFoundError("Instructeur");
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Locking the démarche serialises concurrent removals, so two of them cannot remove the last two.
    const { demarche, groupe } = await findManagedGroupe(tx, manager, demarcheId, target.groupeId, true);
    const [member] = await tx
      .select({ instructeurId: groupeInstructeurMembers.instructeurId })
      .from(groupeInstructeurMembers)
      .where(
        and(
          eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id),
          eq(groupeInstructeurMembers.instructeurId, instructeurId),
        ),
      );
    if (!member) throw new NotFoundError("Instructeur");
    if (demarche.state !== "brouillon") {
      const [others] = await tx
        .select({ n: sql<number>`count(distinct ${groupeInstructeurMembers.instructeurId})::int` })
        .from(groupeInstructeurMembers)
        .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
        .where(
          and(eq(groupesInstructeurs.demarcheId, demarcheId), sql`${groupeInstructeurMembers.instructeurId} <> ${instructeurId}`),
        );
      if (!others || others.n === 0) return refuse("last_instructeur", "form");
    }
    await tx
      .delete(groupeInstructeurMembers)
      .where(
        and(
          eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id),
          eq(groupeInstructeurMembers.instructeurId, instructeurId),
        ),
      );
    await tx
      .delete(follows)
      .where(
        and(
          eq(follows.instructeurId, instructeurId),
          inArray(
            follows.dossierId,
            tx.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.groupeInstructeurId, groupe.id)),
          ),
        ),
      );
    await recordEvent(tx, {
      kind: "demarche.groupes_modifies",
      demarcheId,
      dossierId: null,
      actor: managerActor(manager),
      actorUserId: target.actorUserId ?? null,
      payload: { change: "instructeur_removed", groupeId: groupe.id },
    });
    return { ok: true };
  });
}
