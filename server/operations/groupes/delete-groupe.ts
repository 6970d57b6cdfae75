/**
 * Deletes a groupe instructeur that has no dossier (brouillons included: they would be routed
 * there) and is not the default groupe. Refusals on `form`: `groupe_has_dossiers`,
 * `default_cannot_delete` (keys of `admin.groupes.errors`). Its members leave it (cascade).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, groupesInstructeurs } from "../../db/schema";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import { type OperationResult, refuse } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export async function deleteGroupe(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const { groupe } = await findAdministrableGroupe(tx, admin.administrateurId, demarcheId, groupeId, true);
    if (groupe.isDefault) return refuse("default_cannot_delete");
    const [dossier] = await tx
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(eq(dossiers.groupeInstructeurId, groupe.id))
      .limit(1);
    if (dossier) return refuse("groupe_has_dossiers");
    await tx.delete(groupesInstructeurs).where(eq(groupesInstructeurs.id, groupe.id));
    await recordGroupesChange(tx, admin, demarcheId, { change: "deleted", groupeId: groupe.id });
    return { ok: true };
  });
}
