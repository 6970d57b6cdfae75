/**
 * Options imported from a CSV file, for the editors that say so (`csvImport`): the file's lines replace
 * the text box of the type's options editor, then go through that editor's own checks, so an
 * imported list obeys exactly the rules of a typed one. Pure.
 */
import type { TypeChamp } from "../../champs/definition";
import { parseOptionsCsv } from "../options-csv";
import type { EditorError } from "./contract";
import { optionsEditorOf } from "./index";
import { CSV_FIELD, IMPORTED_PARAM, OPTIONS_IMPORT_PARAM } from "./csv-import-names";

export { CSV_FIELD, IMPORTED_PARAM, OPTIONS_IMPORT_PARAM };

export function canImportOptions(type: TypeChamp): boolean {
  return optionsEditorOf(type)?.csvImport !== undefined;
}

/** The field's new options from the file, the other options (e.g. « Autre ») unchanged. */
export function optionsFromCsv(
  type: TypeChamp,
  storedOptions: Record<string, unknown>,
  bytes: Uint8Array,
): { ok: false; error: EditorError } | { ok: true; options: Record<string, unknown>; count: number } {
  const refuse = (key: string, params?: Record<string, string | number>) => ({
    ok: false as const,
    error: { field: CSV_FIELD, key, params },
  });
  const editor = optionsEditorOf(type);
  const target = editor?.csvImport;
  if (!editor || !target) return refuse("csv_not_supported");
  const parsed = parseOptionsCsv(bytes, target.kind);
  if (!parsed.ok) return refuse(parsed.key, parsed.params);
  const values = { ...editor.fromOptions(storedOptions), [target.field]: parsed.lines.join("\n") };
  const result = editor.toOptions(values);
  if (!result.ok) return refuse(result.error.key, result.error.params);
  return { ok: true, options: result.options, count: parsed.count };
}
