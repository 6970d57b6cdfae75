/**
 * Volume data for the GraphQL tests. Representative dossiers are built with the real factories
 * (server/seed/factories.ts); `cloneDossier` then copies one of them — row, champs and traitements —
 * with set-based SQL, so hundreds of dossiers cost a few statements instead of minutes of
 * operations. Deposit dates are spaced by a few milliseconds plus microseconds, and every other
 * clone shares its predecessor's date so that the (timestamp, id) tie-break of cursors is exercised.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../../server/db/client";

export async function cloneDossier(db: Db, sourceId: number, count: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const inserted = await tx.execute(sql`
      insert into dossiers (demarche_id, revision_id, groupe_instructeur_id, user_id, state, civilite, nom, prenom,
                            motivation, for_test, depose_at, en_construction_at, en_instruction_at, processed_at,
                            last_champ_updated_at, created_at, updated_at)
      select d.demarche_id, d.revision_id, d.groupe_instructeur_id, d.user_id, d.state, d.civilite, d.nom || ' ' || g, d.prenom,
             d.motivation, d.for_test,
             d.depose_at + ((g / 2) * 7 + 1) * interval '1 millisecond' + ((g / 2) % 1000) * interval '1 microsecond',
             d.en_construction_at, d.en_instruction_at, d.processed_at, d.last_champ_updated_at, d.created_at,
             d.updated_at + g * interval '1 microsecond'
      from dossiers d, generate_series(1, ${count}) g
      where d.id = ${sourceId}
      order by g
      returning id`);
    const ids = (inserted.rows as Array<{ id: number }>).map((r) => Number(r.id));
    if (ids.length === 0) return ids;
    const idArray = sql.raw(`array[${ids.join(",")}]::int[]`);
    await tx.execute(sql`
      insert into champs (dossier_id, stream, stable_id, row_id, type_champ, value, updated_at)
      select n.id, c.stream, c.stable_id, c.row_id, c.type_champ, c.value, c.updated_at
      from champs c, unnest(${idArray}) as n(id)
      where c.dossier_id = ${sourceId}`);
    await tx.execute(sql`
      insert into traitements (dossier_id, event, from_state, state, motivation, instructeur_email, actor_user_id, revision_id, processed_at)
      select n.id, t.event, t.from_state, t.state, t.motivation, t.instructeur_email, t.actor_user_id, t.revision_id, t.processed_at
      from traitements t, unnest(${idArray}) as n(id)
      where t.dossier_id = ${sourceId}
      order by n.id, t.id`);
    return ids;
  });
}

/** Counts the SQL statements sent through a pg pool while `fn` runs (the ORM is not mocked). */
export async function countQueries<T>(
  pool: { query: (...args: never[]) => unknown },
  fn: () => Promise<T>,
): Promise<{ result: T; queries: string[] }> {
  const original = pool.query;
  const queries: string[] = [];
  pool.query = function (this: unknown, ...args: never[]) {
    const first = args[0] as unknown;
    queries.push(typeof first === "string" ? first : String((first as { text?: string })?.text ?? ""));
    return original.apply(this, args);
  } as typeof pool.query;
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    pool.query = original;
  }
}
