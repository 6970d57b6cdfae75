/**
 * Drop-down options imported from a CSV file (the editor's « Importer » form): the first column of
 * each record is an option; blank lines and duplicates are dropped. For `linked_drop_down_list`,
 * records with two columns are read as (primary, secondary) pairs, grouped by primary; otherwise
 * the lines are the editor's `--Primary--` syntax. Pure: bytes in, lines of the options text box out.
 *
 * Files from spreadsheets are accepted as they come: UTF-8 with or without BOM, `;` (French
 * Excel), tab or `,` separators, quoted fields. Other encodings are refused rather than guessed,
 * so no option is ever imported with mangled accents.
 */
import { parse } from "csv-parse/sync";
import { normalizeLine } from "../champs/input";

export const CSV_MAX_BYTES = 1024 * 1024;
export const CSV_MAX_LINES = 5000;

export type CsvImportResult =
  | { ok: true; lines: string[]; count: number }
  | { ok: false; key: string; params?: Record<string, string | number> };

/** `;` when the first non-blank line has one (French spreadsheets), else a tab, else `,`. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n?|\n/, 20).find((line) => line.trim() !== "") ?? "";
  if (firstLine.includes(";")) return ";";
  if (firstLine.includes("\t")) return "\t";
  return ",";
}

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseOptionsCsv(bytes: Uint8Array, kind: "list" | "linked"): CsvImportResult {
  if (bytes.byteLength === 0) return { ok: false, key: "csv_empty" };
  if (bytes.byteLength > CSV_MAX_BYTES) return { ok: false, key: "csv_too_big" };
  // A NUL byte never appears in a text file: a spreadsheet (.xlsx) or an image was chosen.
  if (bytes.includes(0)) return { ok: false, key: "csv_not_text" };
  const text = decode(bytes);
  if (text === null) return { ok: false, key: "csv_encoding" };

  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // One record more than allowed is enough to know the file is too long.
      to: CSV_MAX_LINES + 1,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { ok: false, key: "csv_invalid", params: { line: typeof line === "number" ? line : 1 } };
  }
  const rows = records.map((record) => record.map(normalizeLine)).filter((record) => record.some((cell) => cell !== ""));
  if (rows.length > CSV_MAX_LINES) return { ok: false, key: "csv_too_many_lines", params: { max: CSV_MAX_LINES } };

  const lines =
    kind === "linked" && rows.some((row) => (row[1] ?? "") !== "")
      ? linkedPairs(rows)
      : distinct(rows.map((row) => row[0] ?? ""));
  if (lines.length === 0) return { ok: false, key: "csv_empty" };
  return { ok: true, lines, count: lines.length };
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ""))];
}

/** (primary, secondary) rows as `--primary--` lines followed by their distinct secondaries, in first-seen order. */
function linkedPairs(rows: string[][]): string[] {
  const tree = new Map<string, Set<string>>();
  for (const [primary = "", secondary = ""] of rows) {
    if (primary === "") continue;
    const secondaries = tree.get(primary) ?? new Set<string>();
    if (secondary !== "") secondaries.add(secondary);
    tree.set(primary, secondaries);
  }
  return [...tree].flatMap(([primary, secondaries]) => [`--${primary}--`, ...secondaries]);
}
