import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { mayDiscard, mayRestore, stateAfterDiscard } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { administrateurUserId } from "../../lookups/administrateur-user";
import { type OperationResult, refuse } from "../../refusal";

/**
 * Puts a démarche in the corbeille (the reference's `discard!`): allowed while in test, or when no
 * dossier is en instruction. A published one is closed; test dossiers are deleted. It leaves the
 * administrateur's lists, can be restored, and is deleted for good after a month by a cron job
 * (server/operations/demarches/purge-discarded-demarches.ts).
 */
export async function discardDemarche(db: Db, administrateurId: number, demarcheId: number): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const [row] = await tx
      .select({ n: count() })
      .from(dossiers)
      .where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.state, "en_instruction"), eq(dossiers.forTest, false)));
    if (!mayDiscard(demarche, row?.n ?? 0)) {
      return refuse(demarche.hiddenAt ? "already_discarded" : "dossiers_en_instruction", "form");
    }
    const state = stateAfterDiscard(demarche.state);
    await tx
      .update(demarches)
      .set({
        hiddenAt: sql`now()`,
        state,
        ...(state !== demarche.state ? { closedAt: sql`now()` } : {}),
        autoArchiveOn: null,
        updatedAt: sql`now()`,
      })
      .where(eq(demarches.id, demarcheId));
    await tx.delete(dossiers).where(and(eq(dossiers.demarcheId, demarcheId), eq(dossiers.forTest, true)));
    await recordEvent(tx, {
      kind: "demarche.supprimee",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: { previousState: demarche.state },
    });
    return { ok: true };
  });
}

/** Takes a démarche out of the corbeille, in the state it has there (a published one stays closed). */
export async function restoreDemarche(db: Db, administrateurId: number, demarcheId: number): Promise<OperationResult<object>> {
  return db.transaction(async (tx): Promise<OperationResult<object>> => {
    const demarche = await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    if (!mayRestore(demarche)) return refuse("not_discarded", "form");
    await tx.update(demarches).set({ hiddenAt: null, updatedAt: sql`now()` }).where(eq(demarches.id, demarcheId));
    await recordEvent(tx, {
      kind: "demarche.restauree",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: await administrateurUserId(tx, administrateurId),
      payload: {},
    });
    return { ok: true };
  });
}
