/**
 * The reference's ResetExpiringDossiersJob (ds-behaviour §2.6): after the administrateur changed the
 * démarche's durée de conservation, every dossier that can expire gets its `expired_at` recomputed
 * with the rule of `expirationDate` (domain/dossier/expiry.ts) and of the `dossiers_expired_at` trigger,
 * which only recomputes a submitted dossier when one of its own columns changes (a brouillon always:
 * it reads the démarche's current durée). A dossier whose notice was already sent keeps notice + 2
 * weeks, as the reference; en instruction never expires. By batches of one
 * transaction each, by increasing number; returns the last number done, or null when finished.
 * Only the derived date changes (not `updated_at`): no dossier event.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

export const RESET_BATCH_SIZE = 1000;

export async function resetExpiryBatch(db: Db, demarcheId: number, afterId: number, size = RESET_BATCH_SIZE) {
  const result = await db.execute<{ id: number }>(sql`
    update dossiers d set expired_at = case
      when d.state = 'brouillon' then d.expired_at
      when d.expiration_notice_sent_at is not null
        then ((d.expiration_notice_sent_at at time zone 'UTC') + interval '14 days') at time zone 'UTC'
      else (((case d.state when 'en_construction' then d.en_construction_at else d.processed_at end) at time zone 'UTC')
        + make_interval(months => m.duree_conservation + d.conservation_extension)) at time zone 'UTC'
    end
    from demarches m
    where m.id = d.demarche_id and d.id in (
      select id from dossiers
      where demarche_id = ${demarcheId} and id > ${afterId} and state <> 'en_instruction'
      order by id limit ${size}
    )
    returning d.id`);
  const ids = result.rows.map((r) => Number(r.id));
  if (ids.length < size) return null;
  return Math.max(...ids);
}
