import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { administrateurs, demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse } from "../../refusal";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/**
 * Closes a published démarche: no new dossier can be started or submitted; dossiers already
 * submitted are still processed by the instructeurs.
 */
export async function closeDemarche(db: Db, administrateurId: number, demarcheId: number): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (demarche.state !== "publiee") return refuse("not_published", "form");
    await tx
      .update(demarches)
      .set({ state: "close", closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(demarches.id, demarcheId));
    const [admin] = await tx
      .select({ userId: administrateurs.userId })
      .from(administrateurs)
      .where(eq(administrateurs.id, administrateurId));
    await recordEvent(tx, {
      kind: "demarche.close",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin?.userId ?? null,
      payload: {},
    });
    return { ok: true };
  });
}
