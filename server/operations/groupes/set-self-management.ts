/**
 * Turns on or off the démarche's « gestion des groupes par les instructeurs » (administrateur;
 * the reference's `instructeurs_self_management_enabled`): when on, an instructeur adds and removes
 * the instructeurs of their own groupes. Recorded in the démarche's history when it changes.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import type { OperationResult } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export async function setInstructeursSelfManagement(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  enabled: boolean,
): Promise<OperationResult<{ changed: boolean }>> {
  return db.transaction(async (tx) => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    if (demarche.instructeursSelfManagementEnabled === enabled) return { ok: true as const, changed: false };
    await tx.update(demarches).set({ instructeursSelfManagementEnabled: enabled }).where(eq(demarches.id, demarche.id));
    await recordGroupesChange(tx, admin, demarcheId, {
      change: enabled ? "self_management_enabled" : "self_management_disabled",
    });
    return { ok: true as const, changed: true };
  });
}
