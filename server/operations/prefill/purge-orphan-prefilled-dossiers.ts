import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { dossiers } from "../../db/schema";

/** Orphan prefilled brouillons are deleted after this long untouched, as the reference does. */
export const ORPHAN_PREFILLED_TTL_DAYS = 5;

/**
 * Deletes prefilled brouillons nobody claimed within the delay (their values go with them).
 * Returns how many were deleted.
 */
export async function purgeOrphanPrefilledDossiers(db: DbOrTx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ORPHAN_PREFILLED_TTL_DAYS * 24 * 3600 * 1000);
  const deleted = await db
    .delete(dossiers)
    .where(
      and(
        eq(dossiers.prefilled, true),
        isNull(dossiers.userId),
        eq(dossiers.state, "brouillon"),
        lt(dossiers.updatedAt, sql`${cutoff.toISOString()}::timestamptz`),
      ),
    )
    .returning({ id: dossiers.id });
  return deleted.length;
}
