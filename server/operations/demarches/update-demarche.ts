import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { type OperationResult, refuseFields } from "../../refusal";
import { fieldErrors, ZDemarcheInput, type TDemarcheInput } from "./demarche-input";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/** Updates the presentation of a démarche (allowed in every state, as the reference does). */
export async function updateDemarche(
  db: Db,
  administrateurId: number,
  demarcheId: number,
  input: TDemarcheInput,
): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    // Scope first: someone else's démarche is a 404 whatever they sent.
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const parsed = ZDemarcheInput.safeParse(input);
    if (!parsed.success) return refuseFields(fieldErrors(parsed.error));
    await tx
      .update(demarches)
      .set({ ...parsed.data, updatedAt: sql`now()` })
      .where(eq(demarches.id, demarcheId));
    return { ok: true };
  });
}
