/**
 * Which drop-down types import their options from a CSV file, and how: the file's lines replace
 * the text box of the type's options editor, then go through that editor's own checks, so an
 * imported list obeys exactly the rules of a typed one. Pure.
 */
import type { TypeChamp } from "../../champs/definition";
import { parseOptionsCsv } from "../options-csv";
import type { EditorError } from "./contract";
import { optionsEditorOf } from "./index";
import { CSV_FIELD, IMPORTED_PARAM, OPTIONS_IMPORT_PARAM } from "./csv-import-names";

export { CSV_FIELD, IMPORTED_PARAM, OPTIONS_IMPORT_PARAM };

/** The input of the options editor the file fills, and how its records are read. */
export const CSV_IMPORT_TARGETS: Partial<Record<TypeChamp, { field: string; kind: "list" | "linked" }>> = {
  drop_down_list: { field: "dropDownOptions", kind: "list" },
  multiple_drop_down_list: { field: "dropDownOptions", kind: "list" },
  linked_drop_down_list: { field: "linkedOptions", kind: "linked" },
};

export function canImportOptions(type: TypeChamp): boolean {
  return CSV_IMPORT_TARGETS[type] !== undefined;
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
  const target = CSV_IMPORT_TARGETS[type];
  const editor = optionsEditorOf(type);
  if (!target || !editor) return refuse("csv_not_supported");
  const parsed = parseOptionsCsv(bytes, target.kind);
  if (!parsed.ok) return refuse(parsed.key, parsed.params);
  const values = { ...editor.fromOptions(storedOptions), [target.field]: parsed.lines.join("\n") };
  const result = editor.toOptions(values);
  if (!result.ok) return refuse(result.error.key, result.error.params);
  return { ok: true, options: result.options, count: parsed.count };
}
