/**
 * The reference's ResetExpiringDossiersJob (ds-behaviour §2.6): after the administrateur changed the
 * démarche's durée de conservation, every dossier that can expire gets its `expired_at` recomputed
 * (the `dossiers_expired_at` trigger reads the démarche's current durée on each update; a dossier
 * whose notice was already sent keeps notice + 2 weeks, as the reference). By batches of one
 * transaction each, by increasing number; returns the last number done, or null when finished.
 * Only the derived date changes (not `updated_at`): no dossier event.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

export const RESET_BATCH_SIZE = 1000;

export async function resetExpiryBatch(db: Db, demarcheId: number, afterId: number, size = RESET_BATCH_SIZE) {
  const result = await db.execute<{ id: number }>(sql`
    update dossiers set expired_at = expired_at
    where id in (
      select id from dossiers
      where demarche_id = ${demarcheId} and id > ${afterId} and state <> 'en_instruction'
      order by id limit ${size}
    )
    returning id`);
  const ids = result.rows.map((r) => Number(r.id));
  if (ids.length < size) return null;
  return Math.max(...ids);
}
