/**
 * The administrateur's field editor, as plain HTML inputs: turns what the form sends into the
 * options each type's `optionsSchema` expects, with precise errors (keys of
 * `admin.champEditor.errors`) instead of the schema's generic "options invalid", and back. The
 * type-specific part is pluggable: one editor per type in `options-editors/`. Pure.
 */
import type { TypeChamp } from "../champs/definition";
import type { EditorForm, EditorOptionValues, OptionsResult } from "./options-editors/contract";
import { optionsEditorOf } from "./options-editors/index";

export type { EditorError, EditorForm, EditorOptionValues, OptionsResult } from "./options-editors/contract";
export { optionLinesOf, parseOptionLines } from "./options-editors/drop-down";
export { HEADER_LEVELS } from "./options-editors/header-section";
export { CHARACTER_LIMIT_CHOICES } from "./options-editors/textarea";

/** What the editor form of one field shows and sends. */
export interface ChampEditorInput {
  libelle: string;
  description: string;
  mandatory: boolean;
  /** The type-specific inputs (see `options-editors/`); {} for a type without options. */
  options: EditorOptionValues;
}

/** The editor values of a field's stored options. */
export function editorOptionsOf(type: TypeChamp, options: Record<string, unknown>): EditorOptionValues {
  return optionsEditorOf(type)?.fromOptions(options) ?? {};
}

/** The type-specific editor values a form sent. */
export function editorOptionsFromForm(type: TypeChamp, form: EditorForm): EditorOptionValues {
  return optionsEditorOf(type)?.fromForm(form) ?? {};
}

/** The options of one type from the editor's inputs. */
export function champOptionsFromEditor(type: TypeChamp, values: EditorOptionValues): OptionsResult {
  const editor = optionsEditorOf(type);
  return editor ? editor.toOptions(values) : { ok: true, options: {} };
}
