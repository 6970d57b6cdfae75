/**
 * The contract of one type's options editor, server side: how the editor's HTML inputs become the
 * options the type's `optionsSchema` expects, and back. One module per type (or family of types) in
 * this folder, registered in `index.ts`; the matching React inputs are registered in
 * `app/routes/admin/ui/champ-options-editor.tsx`. Pure.
 */

/**
 * What the editor shows and sends for the type-specific part of a field: input name → value
 * ("" for an empty text box, a boolean for a checkbox, a list for several inputs with one name).
 * Plain JSON: it travels in loader and action data.
 */
export type EditorOptionValues = Record<string, string | boolean | string[]>;

/**
 * An error on one input of the options editor. `field` is the suffix of the input's id
 * (`champ-<stableId>-<field>`, which the error summary links to); `key` is a key of
 * `admin.champEditor.errors`.
 */
export type EditorError = { field: string; key: string; params?: Record<string, string | number> };

export type OptionsResult = { ok: true; options: Record<string, unknown> } | { ok: false; error: EditorError };

/** The submitted form, as far as an editor needs it (a `FormData` fits). */
export interface EditorForm {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

export interface ChampOptionsEditor<V extends EditorOptionValues> {
  /** The editor values of a field's stored options (what the inputs show). */
  fromOptions(options: Record<string, unknown>): V;
  /** The editor values a form sent (absent inputs read as "" / false / []). */
  fromForm(form: EditorForm): V;
  /** The options for the type's `optionsSchema`, or the first error with the input it is about. */
  toOptions(values: V): OptionsResult;
  /**
   * For lists of choices: the input a CSV file may fill instead (`csv-import.ts`), and how its
   * records read (one option per line, or primary;secondary pairs). Absent: no import.
   */
  readonly csvImport?: { field: keyof V & string; kind: "list" | "linked" };
}

/** A text input's value ("" when absent or a file). */
export function formText(form: EditorForm, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A checkbox of the editor (value "on"). */
export function formChecked(form: EditorForm, name: string): boolean {
  return form.get(name) === "on";
}

export function fail(field: string, key: string, params?: Record<string, string | number>): OptionsResult {
  return { ok: false, error: { field, key, params } };
}

/** A stored option as the editor's text ("" when absent). */
export function optionText(options: Record<string, unknown>, key: string): string {
  const value = options[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}
