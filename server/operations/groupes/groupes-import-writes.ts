/**
 * The set-based writes of a groupes CSV import (decision 0015), shared by the import in the request
 * and the import job's chunks: a fixed number of statements whatever the number of rows, the rows
 * passed as one JSON parameter. Idempotent: a chunk written twice adds nothing the second time.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { enqueueJob } from "../../jobs/enqueue";

export interface GroupesImportRow {
  groupe: string;
  email: string;
}

export interface GroupesImportWritten {
  groupesCreated: number;
  membershipsAdded: number;
  /** Users who became instructeur of at least one more groupe: e-mailed by `notify-added-instructeurs`. */
  userIds: number[];
}

/**
 * Creates the missing groupes, accounts and instructeur profiles, adds the memberships, and enqueues
 * one `notify-added-instructeurs` job for the people added (in the caller's transaction).
 */
export async function writeGroupesRows(
  tx: Tx,
  demarcheId: number,
  rows: readonly GroupesImportRow[],
  mail: { invitedByEmail: string; demarcheLibelle: string; locale: "fr" | "en" },
): Promise<GroupesImportWritten> {
  const records = JSON.stringify(rows.map((r) => ({ g: r.groupe, e: r.email })));
  const input$ = sql`(select distinct r.g, r.e from json_to_recordset(${records}::json) as r(g text, e text))`;
  const created = await tx.execute<{ id: number }>(sql`
    insert into ${groupesInstructeurs} (demarche_id, label)
    select distinct ${demarcheId}::int, i.g from ${input$} i
    on conflict (demarche_id, label) do nothing
    returning id`);
  await tx.execute(sql`
    insert into ${users} (email, locale)
    select distinct i.e, ${mail.locale}::text from ${input$} i
    on conflict (email) do nothing`);
  await tx.execute(sql`
    insert into ${instructeurs} (user_id)
    select u.id from ${users} u where u.email in (select i.e from ${input$} i)
    on conflict (user_id) do nothing`);
  const added = await tx.execute<{ user_id: number; n: number }>(sql`
    with added as (
      insert into ${groupeInstructeurMembers} (groupe_instructeur_id, instructeur_id)
      select g.id, ins.id
        from ${input$} i
        join ${groupesInstructeurs} g on g.demarche_id = ${demarcheId} and g.label = i.g
        join ${users} u on u.email = i.e
        join ${instructeurs} ins on ins.user_id = u.id
      on conflict do nothing
      returning instructeur_id)
    select ins.user_id, count(*)::int as n from added a join ${instructeurs} ins on ins.id = a.instructeur_id group by ins.user_id`);
  const addedRows = rowsOf<{ user_id: number; n: number }>(added);
  const userIds = addedRows.map((r) => Number(r.user_id));
  if (userIds.length > 0) await enqueueJob(tx, "notify-added-instructeurs", { userIds, ...mail });
  return {
    groupesCreated: rowsOf(created).length,
    membershipsAdded: addedRows.reduce((sum, r) => sum + Number(r.n), 0),
    userIds,
  };
}

/** `execute` answers rows (node-postgres' `rows`, PGlite's array): one shape for both. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
