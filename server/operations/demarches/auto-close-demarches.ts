import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { parisDay } from "../../domain/demarches/lifecycle";
import { recordEvent } from "../../events/record-event";
import { applyTransition } from "../dossiers/apply-transition";

/**
 * The reference's `AutoArchiveProcedureJob`: published démarches whose closing date has come are
 * closed (by the system); then `AutoArchiveProcedureDossiersJob`: their dossiers en construction
 * pass en instruction (`autoInstructBatch`, one job per démarche, resumable by dossier number).
 */
export async function autoCloseDemarches(db: Db, now = new Date()): Promise<{ closed: number[] }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: demarches.id })
      .from(demarches)
      .where(
        and(
          eq(demarches.state, "publiee"),
          isNull(demarches.hiddenAt),
          isNotNull(demarches.autoArchiveOn),
          lte(demarches.autoArchiveOn, parisDay(now)),
        ),
      )
      .for("update", { skipLocked: true });
    const { enqueueJob } = await import("../../jobs/enqueue");
    for (const { id } of due) {
      await tx.update(demarches).set({ state: "close", closedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(demarches.id, id));
      await recordEvent(tx, {
        kind: "demarche.close",
        demarcheId: id,
        dossierId: null,
        actor: "system",
        actorUserId: null,
        payload: { automatic: true },
      });
      await enqueueJob(tx, "auto-instruct-dossiers", { demarcheId: id, afterId: 0 }, { jobKey: `auto-instruct-${id}` });
    }
    return { closed: due.map((d) => d.id) };
  });
}

const BATCH = 100;

/** Passes one batch of the closed démarche's dossiers en construction en instruction; the next cursor, or null when done. */
export async function autoInstructBatch(db: Db, demarcheId: number, afterId: number): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [demarche] = await tx.select().from(demarches).where(eq(demarches.id, demarcheId));
    if (!demarche) return null;
    const batch = await tx
      .select()
      .from(dossiers)
      .where(
        and(
          eq(dossiers.demarcheId, demarcheId),
          eq(dossiers.state, "en_construction"),
          eq(dossiers.forTest, false),
          gt(dossiers.id, afterId),
        ),
      )
      .orderBy(asc(dossiers.id))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    for (const dossier of batch) {
      await applyTransition(tx, { dossier, demarche }, "passer_en_instruction", {
        userId: null,
        instructeurEmail: null,
        kind: "system",
      });
    }
    return batch.length === BATCH ? (batch[batch.length - 1]?.id ?? null) : null;
  });
}
