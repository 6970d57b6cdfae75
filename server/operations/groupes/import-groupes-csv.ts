/**
 * The groupes instructeurs CSV import (administrateur): `groupe,email` records, or `email` records
 * into a chosen groupe. Every line is checked first (`parseGroupesCsv`, pure, ≤ 2 MB): one bad line
 * and nothing is imported, each bad line reported with its number and reason. Then:
 * - up to `GROUPES_IMPORT_SYNC_MAX_ROWS` rows, the rows are written here, in one transaction and a
 *   fixed number of set-based statements (`writeGroupesRows`, decision 0015);
 * - more, the file is stored, a `groupes_imports` row created and the `import-groupes` job enqueued
 *   in one transaction: the job writes the rows in chunks and records its progress
 *   (`run-groupes-import.ts`); the page then shows that import's progress.
 * The people added are e-mailed by the `notify-added-instructeurs` job (an invitation, or
 * `instructeur_added`), enqueued with the writes.
 *
 * Refusals on `file`: the file's problem (`csv_*`, param `line` for `csv_invalid`), or one
 * `line_invalid` per bad line (params `line`, `problem`), and `more_lines` (param `count`) when
 * more bad lines than reported; keys of `admin.groupes.import.errors`.
 */
import { Readable } from "node:stream";
import type { Locale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { groupesImports } from "../../db/schema";
import { GROUPES_IMPORT_SYNC_MAX_ROWS, type GroupesCsvResult, parseGroupesCsv } from "../../domain/routing/groupes-csv";
import type { Storage } from "../../integrations/storage";
import { enqueueJob } from "../../jobs/enqueue";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import type { OperationResult, Refusal } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";
import { writeGroupesRows } from "./groupes-import-writes";

export interface ImportGroupesInput {
  bytes: Uint8Array;
  /** `email` records go into this groupe; without it, records are `groupe,email`. */
  groupeId?: number;
  invitedByEmail: string;
  locale: Locale;
  /** Where a large file is kept for the job. */
  storage: Storage;
  /** Above this many rows the import is a background job (`GROUPES_IMPORT_SYNC_MAX_ROWS`; tests and bench lower it). */
  syncMaxRows?: number;
}

export type ImportGroupesResult = OperationResult<
  | { mode: "done"; groupesCreated: number; membershipsAdded: number; instructeursAdded: number }
  | { mode: "queued"; importId: number; total: number }
>;

/** Refusals of a file `parseGroupesCsv` refused. */
export function csvRefusals(parsed: Exclude<GroupesCsvResult, { ok: true }>): Refusal[] {
  if ("file" in parsed) {
    return [{ code: parsed.file, field: "file", params: parsed.line ? { line: parsed.line } : undefined }];
  }
  const refusals: Refusal[] = parsed.lines.map((l) => ({
    code: "line_invalid",
    field: "file",
    params: { line: l.line, problem: l.problem },
  }));
  if (parsed.total > parsed.lines.length)
    refusals.push({ code: "more_lines", field: "file", params: { count: parsed.total - parsed.lines.length } });
  return refusals;
}

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
  if (!parsed.ok) return { ok: false, refusals: csvRefusals(parsed) };

  if (parsed.rows.length > (input.syncMaxRows ?? GROUPES_IMPORT_SYNC_MAX_ROWS)) {
    // Stored before the transaction that refers to it (the storage sweep spares young objects).
    const { key } = await input.storage.put(Readable.from([Buffer.from(input.bytes)]));
    try {
      return await db.transaction(async (tx): Promise<ImportGroupesResult> => {
        await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
        const [created] = await tx
          .insert(groupesImports)
          .values({
            demarcheId,
            groupeInstructeurId: chosen?.id ?? null,
            administrateurId: admin.administrateurId,
            userId: admin.userId,
            fileKey: key,
            totalCount: parsed.rows.length,
            locale: input.locale,
          })
          .returning({ id: groupesImports.id });
        const importId = created?.id as number;
        await enqueueJob(tx, "import-groupes", { importId }, { jobKey: `import-groupes-${importId}` });
        return { ok: true, mode: "queued", importId, total: parsed.rows.length };
      });
    } catch (error) {
      await input.storage.delete(key);
      throw error;
    }
  }

  return db.transaction(async (tx): Promise<ImportGroupesResult> => {
    const demarche = await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const rows = parsed.rows.map((r) => ({ groupe: r.groupe ?? chosen?.label ?? "", email: r.email }));
    const written = await writeGroupesRows(tx, demarcheId, rows, {
      invitedByEmail: input.invitedByEmail,
      demarcheLibelle: demarche.libelle,
      locale: input.locale,
    });
    await recordGroupesChange(tx, admin, demarcheId, { change: "imported", count: written.membershipsAdded });
    return {
      ok: true,
      mode: "done",
      groupesCreated: written.groupesCreated,
      membershipsAdded: written.membershipsAdded,
      instructeursAdded: written.userIds.length,
    };
  });
}
