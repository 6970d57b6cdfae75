import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { administrateurs, demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
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
    const before = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const parsed = ZDemarcheInput.safeParse(input);
    if (!parsed.success) return refuseFields(fieldErrors(parsed.error));
    const changed = Object.entries(parsed.data)
      .filter(([key, value]) => value !== undefined && before[key as keyof typeof before] !== value)
      .map(([key]) => key);
    if (changed.length === 0) return { ok: true };
    await tx
      .update(demarches)
      .set({ ...parsed.data, updatedAt: sql`now()` })
      .where(eq(demarches.id, demarcheId));
    const [admin] = await tx
      .select({ userId: administrateurs.userId })
      .from(administrateurs)
      .where(eq(administrateurs.id, administrateurId));
    await recordEvent(tx, {
      kind: "demarche.presentation_modifiee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin?.userId ?? null,
      payload: { fields: changed },
    });
    return { ok: true };
  });
}
