import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { expertsProcedures } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/**
 * Changes one expert of the démarche: notified of decisions or not, or removed from the list
 * (they cannot be asked again; the avis already requested stay, as the reference).
 */
export async function updateDemarcheExpert(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  expertsProcedureId: number,
  change: { allowDecisionAccess: boolean } | { revoke: true },
) {
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const [row] = await tx
      .update(expertsProcedures)
      .set("revoke" in change ? { revokedAt: new Date() } : { allowDecisionAccess: change.allowDecisionAccess })
      .where(and(eq(expertsProcedures.id, expertsProcedureId), eq(expertsProcedures.demarcheId, demarcheId)))
      .returning({ expertId: expertsProcedures.expertId });
    if (!row) return;
    await recordEvent(tx, {
      kind: "demarche.experts_modifies",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { change: "revoke" in change ? "expert_revoked" : "expert_decision_access", expertId: row.expertId },
    });
  });
}
