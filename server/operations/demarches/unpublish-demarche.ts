import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches } from "../../db/schema";
import { mayUnpublish } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { administrateurUserId } from "../../lookups/administrateur-user";
import { type OperationResult, refuse } from "../../refusal";

/**
 * Unpublishes a published démarche (the reference's `unpublish` → `depubliee`): its link stops
 * accepting new dossiers; brouillons already started may still be submitted. Publishing again reopens it.
 */
export async function unpublishDemarche(db: Db, administrateurId: number, demarcheId: number): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (!mayUnpublish(demarche)) return refuse("not_published", "form");
    await tx
      .update(demarches)
      .set({ state: "depubliee", unpublishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.depubliee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: {},
    });
    return { ok: true };
  });
}
