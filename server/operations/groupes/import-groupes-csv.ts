/**
 * The groupes instructeurs CSV import (administrateur): `groupe,email` records, or `email` records
 * into a chosen groupe. Every line is checked first (`parseGroupesCsv`): one bad line and nothing
 * is imported, each bad line reported with its number and reason. Then, in one transaction and a
 * fixed number of set-based statements whatever the file's size (decision 0010): missing groupes
 * are created, unknown addresses get an account without password, every address an instructeur
 * profile, and the memberships are added. The people added are e-mailed by a background job
 * (an invitation, or `instructeur_added`) enqueued in the same transaction.
 *
 * Refusals on `file`: the file's problem (`csv_*`, param `line` for `csv_invalid`), or one
 * `line_invalid` per bad line (params `line`, `problem`), and `more_lines` (param `count`) when
 * more bad lines than reported; keys of `admin.groupes.import.errors`.
 */
import { sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { parseGroupesCsv } from "../../domain/routing/groupes-csv";
import { enqueueJob } from "../../jobs/enqueue";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import type { OperationResult, Refusal } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export interface ImportGroupesInput {
  bytes: Uint8Array;
  /** `email` records go into this groupe; without it, records are `groupe,email`. */
  groupeId?: number;
  invitedByEmail: string;
  locale: Locale;
}

export type ImportGroupesResult = OperationResult<{
  groupesCreated: number;
  membershipsAdded: number;
  instructeursAdded: number;
}>;

export async function importGroupesCsv(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  input: ImportGroupesInput,
): Promise<ImportGroupesResult> {
  // Scope first: another administrateur's démarche (or groupe) is a 404 whatever the file holds.
  const chosen =
    input.groupeId === undefined
      ? null
      : (await findAdministrableGroupe(db, admin.administrateurId, demarcheId, input.groupeId)).groupe;
  if (chosen === null) await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const parsed = parseGroupesCsv(input.bytes, chosen ? "email" : "groupe_email");
  if (!parsed.ok) {
    if ("file" in parsed) {
      return {
        ok: false,
        refusals: [{ code: parsed.file, field: "file", params: parsed.line ? { line: parsed.line } : undefined }],
      };
    }
    const refusals: Refusal[] = parsed.lines.map((l) => ({
      code: "line_invalid",
      field: "file",
      params: { line: l.line, problem: l.problem },
    }));
    if (parsed.total > parsed.lines.length)
      refusals.push({ code: "more_lines", field: "file", params: { count: parsed.total - parsed.lines.length } });
    return { ok: false, refusals };
  }
  const records = JSON.stringify(parsed.rows.map((r) => ({ g: r.groupe ?? chosen?.label ?? "", e: r.email })));
  const input$ = sql`(select distinct r.g, r.e from json_to_recordset(${records}::json) as r(g text, e text))`;

  return db.transaction(async (tx): Promise<ImportGroupesResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const created = await tx.execute<{ id: number }>(sql`
      insert into ${groupesInstructeurs} (demarche_id, label)
      select distinct ${demarcheId}::int, i.g from ${input$} i
      on conflict (demarche_id, label) do nothing
      returning id`);
    await tx.execute(sql`
      insert into ${users} (email, locale)
      select distinct i.e, ${input.locale}::text from ${input$} i
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
    const membershipsAdded = addedRows.reduce((sum, r) => sum + Number(r.n), 0);
    if (userIds.length > 0) {
      await enqueueJob(tx, "notify-added-instructeurs", {
        userIds,
        invitedByEmail: input.invitedByEmail,
        demarcheLibelle: demarche.libelle,
        locale: input.locale,
      });
    }
    await recordGroupesChange(tx, admin, demarcheId, { change: "imported", count: membershipsAdded });
    return { ok: true, groupesCreated: rowsOf(created).length, membershipsAdded, instructeursAdded: userIds.length };
  });
}

/** `execute` answers rows (node-postgres' `rows`, PGlite's array): one shape for both. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
