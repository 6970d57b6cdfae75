/**
 * The dossiers of a démarche's monthly archives: decided (accepté, refusé, classé sans suite) in
 * the month, Paris time, and not deleted by the administration (the reference's
 * `visible_by_administration.processed_in_month`); for an instructeur's archive, only the dossiers
 * of its groupes (never test dossiers, as the instructeur's lists). Per month: how many and the estimated size
 * (their files, messages' and avis files, attestations), and their ids batch by batch (keyset on
 * id: each batch costs about the first).
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client";

const BATCH_SIZE = 500;

const PARIS_MONTH = sql`to_char(d.processed_at at time zone 'Europe/Paris', 'YYYY-MM')`;

/** Whose archive: the whole démarche (null) or the dossiers of these groupes. */
export type ArchiveGroupes = readonly number[] | null;

function decidedIn(demarcheId: number, month: string | null, groupeIds: ArchiveGroupes): SQL {
  const inMonth = month
    ? sql`and d.processed_at >= (${`${month}-01`}::timestamp at time zone 'Europe/Paris')
          and d.processed_at < ((${`${month}-01`}::timestamp + interval '1 month') at time zone 'Europe/Paris')`
    : sql`and d.processed_at is not null`;
  const ofGroupes =
    groupeIds === null
      ? sql``
      : sql`and d.for_test = false and d.groupe_instructeur_id = any(${`{${groupeIds.map(Number).join(",")}}`}::int[])`;
  return sql`d.demarche_id = ${demarcheId}
    ${ofGroupes}
    and d.state in ('accepte', 'refuse', 'sans_suite')
    and d.hidden_by_administration_at is null
    ${inMonth}`;
}

/** Bytes of a dossier's files (estimate: what the archive will hold, before compression). */
const FILE_BYTES = sql`(
  coalesce((select sum(a.byte_size) from attachments a
             where a.dossier_id = d.id and a.purpose in ('champ', 'message', 'justificatif')), 0)
  + coalesce((select sum(a.byte_size) from attachments a join avis v on v.id = a.avis_id
               where v.dossier_id = d.id and v.revoked_at is null), 0)
  + coalesce((select t.byte_size from attestations t where t.dossier_id = d.id), 0)
)`;

export interface ArchiveMonth {
  month: string;
  count: number;
  bytes: number;
}

/** Every month with decided dossiers, newest first (or the one `month`), of the démarche or of `groupeIds`. */
export async function archiveMonths(
  db: DbOrTx,
  demarcheId: number,
  month: string | null = null,
  groupeIds: ArchiveGroupes = null,
): Promise<ArchiveMonth[]> {
  const { rows } = await db.execute<{ month: string; count: string; bytes: string }>(sql`
    select ${PARIS_MONTH} as month, count(*)::text as count, sum(${FILE_BYTES})::text as bytes
      from dossiers d
     where ${decidedIn(demarcheId, month, groupeIds)}
     group by 1
     order by 1 desc`);
  return rows.map((r) => ({ month: r.month, count: Number(r.count), bytes: Number(r.bytes ?? 0) }));
}

/** The month's dossier ids, by id, batch by batch. */
export async function* archiveDossierIds(
  db: DbOrTx,
  demarcheId: number,
  month: string,
  groupeIds: ArchiveGroupes = null,
  batchSize = BATCH_SIZE,
): AsyncGenerator<number[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.execute<{ id: number }>(sql`
      select d.id from dossiers d
       where ${decidedIn(demarcheId, month, groupeIds)} and d.id > ${after}
       order by d.id
       limit ${batchSize}`);
    const ids = rows.map((r) => Number(r.id));
    if (ids.length > 0) yield ids;
    if (ids.length < batchSize) return;
    after = ids[ids.length - 1] as number;
  }
}
