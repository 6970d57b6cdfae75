/**
 * The groupes instructeurs CSV import (ds-behaviour §5.1): `groupe,email` records (or `email` alone,
 * into a groupe chosen on the page). Pure: bytes in, rows or every bad line out — one bad line and
 * nothing is imported, so the administrateur fixes the file and sends it again.
 *
 * Accepted as spreadsheets write them: UTF-8 with or without BOM, `,` or `;` separators, quoted
 * fields, an optional header line (`groupe`, `email`). Refused: more than 2 MB, another encoding,
 * more than 20,000 records (checked by the caller's limits), and per line: an empty groupe, a bad
 * e-mail, a wrong number of columns (a tab or other separator included).
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { GROUPE_LABEL_MAX, normalizeGroupeLabel } from "./groupe-label";

export const GROUPES_CSV_MAX_BYTES = 2 * 1024 * 1024;
export const GROUPES_CSV_MAX_ROWS = 20_000;
/** Bad lines reported at most (the file is refused anyway). */
export const GROUPES_CSV_MAX_REPORTED = 100;

export type CsvLineProblem = "groupe_required" | "groupe_too_long" | "email_invalid" | "columns" | "separator";
export type CsvFileProblem = "csv_empty" | "csv_too_big" | "csv_not_text" | "csv_encoding" | "csv_invalid" | "csv_too_many_rows";

export interface GroupeCsvRow {
  /** Null in `email` mode: the groupe chosen on the page. */
  groupe: string | null;
  email: string;
}

export type GroupesCsvResult =
  | { ok: true; rows: GroupeCsvRow[] }
  | { ok: false; file: CsvFileProblem; line?: number }
  | { ok: false; lines: Array<{ line: number; problem: CsvLineProblem }>; total: number };

const ZEmail = z.email();

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** `;` when the first non-blank line has one and no comma, else `,`. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n?|\n/, 20).find((line) => line.trim() !== "") ?? "";
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

const isHeader = (cells: readonly string[], mode: "groupe_email" | "email") => {
  const lower = cells.map((c) => c.trim().toLowerCase());
  const emailHeader = (c: string | undefined) => c === "email" || c === "e-mail" || c === "courriel" || c === "adresse email";
  return mode === "email" ? lower.length === 1 && emailHeader(lower[0]) : lower[0] === "groupe" && emailHeader(lower[1]);
};

export function parseGroupesCsv(bytes: Uint8Array, mode: "groupe_email" | "email"): GroupesCsvResult {
  if (bytes.byteLength === 0) return { ok: false, file: "csv_empty" };
  if (bytes.byteLength > GROUPES_CSV_MAX_BYTES) return { ok: false, file: "csv_too_big" };
  if (bytes.includes(0)) return { ok: false, file: "csv_not_text" };
  const text = decode(bytes);
  if (text === null) return { ok: false, file: "csv_encoding" };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: GROUPES_CSV_MAX_ROWS + 2,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { ok: false, file: "csv_invalid", line: typeof line === "number" ? line : 1 };
  }
  const first = records[0];
  if (first && isHeader(first.record, mode)) records = records.slice(1);
  records = records.filter(({ record }) => record.some((cell) => cell.trim() !== ""));
  if (records.length === 0) return { ok: false, file: "csv_empty" };
  if (records.length > GROUPES_CSV_MAX_ROWS) return { ok: false, file: "csv_too_many_rows" };
  const rows: GroupeCsvRow[] = [];
  const lines: Array<{ line: number; problem: CsvLineProblem }> = [];
  const columns = mode === "email" ? 1 : 2;
  for (const { record, info } of records) {
    const line = info.lines;
    const cells = record.map((c) => c.trim());
    // Trailing empty cells (a spreadsheet's extra separators) are ignored.
    while (cells.length > columns && cells[cells.length - 1] === "") cells.pop();
    if (cells.length !== columns) {
      const joined = cells.join("");
      lines.push({ line, problem: cells.length < columns && /[\t;|]/.test(joined) ? "separator" : "columns" });
      continue;
    }
    const groupe = mode === "email" ? null : normalizeGroupeLabel(cells[0] ?? "");
    const email = (cells[columns - 1] ?? "").toLowerCase();
    if (groupe !== null && groupe === "") lines.push({ line, problem: "groupe_required" });
    else if (groupe !== null && groupe.length > GROUPE_LABEL_MAX) lines.push({ line, problem: "groupe_too_long" });
    else if (email.length > 254 || !ZEmail.safeParse(email).success) lines.push({ line, problem: "email_invalid" });
    else rows.push({ groupe, email });
  }
  if (lines.length > 0) return { ok: false, lines: lines.slice(0, GROUPES_CSV_MAX_REPORTED), total: lines.length };
  return { ok: true, rows };
}

/**
 * Files of more rows are imported by a background job in chunks (decision 0015): at about 0.5 ms a
 * row once parsed, 1,000 rows answer within a second in the request; more are queued.
 */
export const GROUPES_IMPORT_SYNC_MAX_ROWS = 1_000;

/**
 * A queued import that wrote nothing for this long has lost its job (a chunk takes about a second;
 * a killed worker's job runs again within a minute, `server/jobs/liveness.ts`): the sweep
 * (`sweep-stuck-groupes-imports.ts`) enqueues it again, at most `GROUPES_IMPORT_MAX_RESUMES` times,
 * then marks it failed (`interrupted`).
 */
export const GROUPES_IMPORT_STUCK_AFTER_MS = 15 * 60_000;
export const GROUPES_IMPORT_MAX_RESUMES = 2;

/** What the sweep does with an unfinished import. */
export function stuckImportAction(
  row: { progressedAt: Date; resumeCount: number; hasFile: boolean },
  now: Date,
): "wait" | "resume" | "fail" {
  if (now.getTime() - row.progressedAt.getTime() < GROUPES_IMPORT_STUCK_AFTER_MS) return "wait";
  return row.hasFile && row.resumeCount < GROUPES_IMPORT_MAX_RESUMES ? "resume" : "fail";
}
/** Rows written per transaction by the import job (about; a chunk never splits one person's rows). */
export const GROUPES_IMPORT_CHUNK_ROWS = 1_000;

/**
 * The rows in the import job's order: by e-mail then groupe, so that each person's rows are
 * consecutive and a chunk never splits them — each person is e-mailed once, by their chunk.
 */
export function sortForImport(rows: readonly GroupeCsvRow[]): GroupeCsvRow[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => cmp(a.email, b.email) || cmp(a.groupe ?? "", b.groupe ?? ""));
}

/** Where the chunk starting at `start` ends (exclusive): about `size` rows, extended to the end of its last person's rows. */
export function importChunkEnd(rows: readonly GroupeCsvRow[], start: number, size = GROUPES_IMPORT_CHUNK_ROWS): number {
  let end = Math.min(rows.length, start + Math.max(1, size));
  while (end < rows.length && end > 0 && rows[end]?.email === rows[end - 1]?.email) end++;
  return end;
}
