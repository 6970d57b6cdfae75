import { and, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { demarches, dossiers } from "../../db/schema";
import { corbeilleCutoff } from "../../domain/demarches/lifecycle";

/**
 * The daily emptying of the corbeille (the reference's `DiscardedProceduresDeletionJob`):
 * démarches discarded more than a month ago are deleted for good when they hold no dossier (test
 * dossiers were deleted when discarded). Their revisions, groupes, labels… go with them (cascade).
 * Those still holding dossiers stay, as the reference keeps them until their dossiers are purged.
 */
export async function purgeDiscardedDemarches(db: Db, now = new Date()): Promise<{ deleted: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: demarches.id })
      .from(demarches)
      .where(
        and(
          isNotNull(demarches.hiddenAt),
          lt(demarches.hiddenAt, corbeilleCutoff(now)),
          sql`not exists (select 1 from ${dossiers} where ${dossiers.demarcheId} = ${demarches.id})`,
        ),
      )
      .for("update", { skipLocked: true });
    const ids = due.map((d) => d.id);
    if (ids.length === 0) return { deleted: 0 };
    await tx.delete(demarches).where(inArray(demarches.id, ids));
    return { deleted: ids.length };
  });
}
