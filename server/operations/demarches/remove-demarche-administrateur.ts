/**
 * Removes an administrateur from a démarche (their account, profile and other démarches stay).
 * A démarche always keeps one administrateur: removing the last one is refused
 * (`last_administrateur` on `form`, a key of `equipe.administrateurs.errors`); anyone may remove
 * themselves otherwise. The démarche row is locked, so two simultaneous removals cannot remove the
 * last two. Scoped: an administrateur of another démarche gets 404, and so does an id that is not
 * an administrateur of this one.
 */
import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarcheAdministrateurs, administrateurs, users } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";

export async function removeDemarcheAdministrateur(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  administrateurId: number,
): Promise<OperationResult<{ self: boolean }>> {
  if (!Number.isSafeInteger(administrateurId) || administrateurId <= 0) throw new NotFoundError("Administrateur");
  return db.transaction(async (tx): Promise<OperationResult<{ self: boolean }>> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const [target] = await tx
      .select({ email: users.email })
      .from(demarcheAdministrateurs)
      .innerJoin(administrateurs, eq(administrateurs.id, demarcheAdministrateurs.administrateurId))
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .where(
        and(eq(demarcheAdministrateurs.demarcheId, demarcheId), eq(demarcheAdministrateurs.administrateurId, administrateurId)),
      );
    if (!target) throw new NotFoundError("Administrateur");
    const [total] = await tx
      .select({ n: count() })
      .from(demarcheAdministrateurs)
      .where(eq(demarcheAdministrateurs.demarcheId, demarcheId));
    if (!total || total.n <= 1) return refuse("last_administrateur", "form");
    await tx
      .delete(demarcheAdministrateurs)
      .where(
        and(eq(demarcheAdministrateurs.demarcheId, demarcheId), eq(demarcheAdministrateurs.administrateurId, administrateurId)),
      );
    await recordEvent(tx, {
      kind: "demarche.administrateur_retire",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { administrateurId, email: target.email },
    });
    return { ok: true, self: administrateurId === admin.administrateurId };
  });
}
