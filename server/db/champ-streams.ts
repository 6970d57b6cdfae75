/**
 * The usager's buffer of a dossier en construction (`user:buffer`, see
 * `server/domain/dossier/streams.ts`): opened as a full copy of their fields in `main` at their
 * first change, compared with `main` (what changed, by field), merged into `main` at re-submission
 * (the replaced values move to a `history:<timestamp>` stream) or discarded. Annotations privées
 * never enter it: an instructeur's note written meanwhile is never overwritten by a re-submission.
 * A buffer exists only while it differs from `main` (callers drop one that no longer does), so
 * « has a buffer » means « has changes not yet submitted ».
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type ChampStream, MAIN_STREAM, USER_BUFFER_STREAM } from "../domain/dossier/streams";
import type { DossierState } from "../domain/dossier/states";
import type { DbOrTx } from "./client";
import { champs, typesDeChamp } from "./schema";

/** A value row of the usager's form (its stable id is never an annotation privée's). */
function publicField(column: SQL | typeof champs.stableId = champs.stableId): SQL {
  return sql`not exists (select 1 from ${typesDeChamp} where ${typesDeChamp.stableId} = ${column} and ${typesDeChamp.private})`;
}

export async function hasUserBuffer(db: DbOrTx, dossierId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: champs.id })
    .from(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, USER_BUFFER_STREAM)))
    .limit(1);
  return row !== undefined;
}

/** Which of these dossiers have changes not yet submitted (« Mes dossiers »). */
export async function dossiersWithUserBuffer(db: DbOrTx, dossierIds: readonly number[]): Promise<Set<number>> {
  if (dossierIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ dossierId: champs.dossierId })
    .from(champs)
    .where(and(inArray(champs.dossierId, [...dossierIds]), eq(champs.stream, USER_BUFFER_STREAM)));
  return new Set(rows.map((r) => r.dossierId));
}

/** The stream the usager's pages show: their buffer while they have one en construction, else `main`. */
export async function usagerReadStream(db: DbOrTx, dossier: { id: number; state: DossierState }): Promise<ChampStream> {
  return dossier.state === "en_construction" && (await hasUserBuffer(db, dossier.id)) ? USER_BUFFER_STREAM : MAIN_STREAM;
}

/** Copies the usager's fields from `main` into their buffer, unless it is already open. */
export async function openUserBuffer(db: DbOrTx, dossierId: number): Promise<void> {
  if (await hasUserBuffer(db, dossierId)) return;
  await db.execute(sql`
    insert into ${champs} (dossier_id, stream, stable_id, row_id, type_champ, value)
    select c.dossier_id, ${USER_BUFFER_STREAM}, c.stable_id, c.row_id, c.type_champ, c.value
      from ${champs} c
     where c.dossier_id = ${dossierId} and c.stream = ${MAIN_STREAM} and ${publicField(sql`c.stable_id`)}
    on conflict do nothing`);
}

export interface ChangedValue {
  stableId: number;
  rowId: string;
}

/**
 * The values of the usager's form that differ between `main` and the buffer (a field emptied, a
 * row added or removed included). An empty value and a missing row are the same (a posted form
 * stores its empty fields). Empty when there is no buffer.
 */
export async function changedBufferValues(db: DbOrTx, dossierId: number): Promise<ChangedValue[]> {
  if (!(await hasUserBuffer(db, dossierId))) return [];
  const result = await db.execute<{ stable_id: number; row_id: string }>(sql`
    select coalesce(m.stable_id, b.stable_id) as stable_id, coalesce(m.row_id, b.row_id) as row_id
      from (select stable_id, row_id, nullif(value, 'null'::jsonb) as value from ${champs} c
             where c.dossier_id = ${dossierId} and c.stream = ${MAIN_STREAM} and ${publicField(sql`c.stable_id`)}) m
      full join (select stable_id, row_id, nullif(value, 'null'::jsonb) as value from ${champs}
                  where dossier_id = ${dossierId} and stream = ${USER_BUFFER_STREAM}) b
        on b.stable_id = m.stable_id and b.row_id = m.row_id
     where m.value is distinct from b.value
     order by 1, 2`);
  return result.rows.map((r) => ({ stableId: Number(r.stable_id), rowId: r.row_id }));
}

/** Deletes the usager's buffer; whether there was one. */
export async function discardUserBuffer(db: DbOrTx, dossierId: number): Promise<boolean> {
  const deleted = await db
    .delete(champs)
    .where(and(eq(champs.dossierId, dossierId), eq(champs.stream, USER_BUFFER_STREAM)))
    .returning({ id: champs.id });
  return deleted.length > 0;
}

/**
 * Makes the buffer the usager's form in `main`: each changed value of `main` moves to the
 * `history` stream given, the buffer's changed values become `main`, the unchanged copies go.
 * Annotations privées and values of other streams stay. Returns the changed values.
 */
export async function mergeUserBuffer(db: DbOrTx, dossierId: number, history: ChampStream): Promise<ChangedValue[]> {
  const changed = await changedBufferValues(db, dossierId);
  if (changed.length > 0) {
    const keys = sql`(select * from unnest(${sql.param(changed.map((c) => c.stableId))}::int[], ${sql.param(
      changed.map((c) => c.rowId),
    )}::text[]))`;
    await db.execute(sql`
      update ${champs} set stream = ${history}, updated_at = now()
       where dossier_id = ${dossierId} and stream = ${MAIN_STREAM} and (stable_id, row_id) in ${keys}`);
    await db.execute(sql`
      update ${champs} set stream = ${MAIN_STREAM}, updated_at = now()
       where dossier_id = ${dossierId} and stream = ${USER_BUFFER_STREAM} and (stable_id, row_id) in ${keys}`);
  }
  await discardUserBuffer(db, dossierId);
  return changed;
}
