/** The administrateur moves a label one place up or down in the démarche's order. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { labels } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { labelsOfDemarcheInTx } from "./demarche-labels";

export async function moveLabel(db: Db, administrateurId: number, demarcheId: number, labelId: number, direction: "up" | "down") {
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const ordered = await labelsOfDemarcheInTx(tx, demarcheId);
    const index = ordered.findIndex((l) => l.id === labelId);
    if (index < 0) throw new NotFoundError("Label");
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= ordered.length) return;
    const ids = ordered.map((l) => l.id);
    [ids[index], ids[target]] = [ids[target] as number, ids[index] as number];
    // Positions rewritten 0..n-1: also repairs ties left by concurrent writers before the lock.
    for (const [position, id] of ids.entries()) await tx.update(labels).set({ position }).where(eq(labels.id, id));
  });
}
