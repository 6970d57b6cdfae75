/**
 * Chooses which of the administrateur's services the démarche shows (its organisation card).
 * Someone else's démarche or service: 404, nothing changes.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client";
import { administrateurs, demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";
import { findOwnService } from "../../lookups/own-service";

export async function chooseDemarcheService(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  rawServiceId: unknown,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const parsed = z.coerce.number().int().positive().safeParse(rawServiceId);
    if (!parsed.success) return refuse("service_required", "serviceId");
    await findOwnService(tx, administrateurId, parsed.data);
    await setDemarcheService(tx, administrateurId, demarcheId, parsed.data);
    return { ok: true };
  });
}

/** Sets the service (both already scoped by the caller) and records it. */
export async function setDemarcheService(tx: Tx, administrateurId: number, demarcheId: number, serviceId: number) {
  await tx.update(demarches).set({ serviceId, updatedAt: sql`now()` }).where(eq(demarches.id, demarcheId));
  const [admin] = await tx
    .select({ userId: administrateurs.userId })
    .from(administrateurs)
    .where(eq(administrateurs.id, administrateurId));
  await recordEvent(tx, {
    kind: "demarche.service_choisi",
    demarcheId,
    dossierId: null,
    actor: "administrateur",
    actorUserId: admin?.userId ?? null,
    payload: { serviceId },
  });
}
