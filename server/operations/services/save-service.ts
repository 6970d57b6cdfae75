/**
 * Creates or updates one of the administrateur's services (organisation cards). Another
 * administrateur's service is a 404 whatever they send, and nothing changes. Creating from a
 * démarche (`forDemarcheId`) also chooses the new service for it, in the same transaction.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { services } from "../../db/schema";
import { ZServiceInput, type TServiceInput } from "../../domain/demarches/service-card";
import { findOwnService } from "../../lookups/own-service";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuseFields } from "../../refusal";
import { fieldErrors } from "../demarches/demarche-input";
import { setDemarcheService } from "../demarches/choose-service";

export async function saveService(
  db: Db,
  administrateurId: number,
  input: { serviceId: number | null; forDemarcheId?: number | null; values: TServiceInput },
): Promise<OperationResult<{ serviceId: number }>> {
  return db.transaction(async (tx): Promise<OperationResult<{ serviceId: number }>> => {
    // Scope first: another administrateur's service or démarche is a 404 before any validation.
    if (input.serviceId !== null) await findOwnService(tx, administrateurId, input.serviceId, true);
    if (input.forDemarcheId) await findAdministrableDemarche(tx, administrateurId, input.forDemarcheId, true);
    const parsed = ZServiceInput.safeParse(input.values);
    if (!parsed.success) return refuseFields(fieldErrors(parsed.error));
    let serviceId = input.serviceId;
    if (serviceId === null) {
      const [row] = await tx
        .insert(services)
        .values({ ...parsed.data, administrateurId })
        .returning({ id: services.id });
      serviceId = (row as { id: number }).id;
    } else {
      await tx
        .update(services)
        .set({ ...parsed.data, updatedAt: sql`now()` })
        .where(eq(services.id, serviceId));
    }
    if (input.forDemarcheId) await setDemarcheService(tx, administrateurId, input.forDemarcheId, serviceId);
    return { ok: true, serviceId };
  });
}
