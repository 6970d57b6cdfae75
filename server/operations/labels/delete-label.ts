/** The administrateur deletes a label: it leaves every dossier that had it (cascade). */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { labels } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

export async function deleteLabel(db: Db, administrateurId: number, demarcheId: number, labelId: number) {
  if (!Number.isSafeInteger(labelId) || labelId <= 0) throw new NotFoundError("Label");
  await db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, administrateurId, demarcheId, true);
    const removed = await tx
      .delete(labels)
      .where(and(eq(labels.id, labelId), eq(labels.demarcheId, demarcheId)))
      .returning({ id: labels.id });
    if (removed.length === 0) throw new NotFoundError("Label");
  });
}
