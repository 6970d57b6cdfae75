/**
 * The form editor's server side: what one field's form sends, turned into `updateChamp` input, and
 * the values the editor shows for a stored field.
 */
import type { DraftChamp } from "../../../server/queries/admin/champs";
import {
  type ChampEditorInput,
  champOptionsFromEditor,
  editorOptionsFromForm,
  editorOptionsOf,
} from "../../../server/domain/demarches/champ-editor-form";
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { formString } from "../../lib/request.server";

export type ChampEditorValues = ChampEditorInput;

export interface ChampActionData {
  intent: string;
  stableId: number | null;
  ok: boolean;
  /** Field name → key of `admin.champEditor.errors`. */
  errors?: Record<string, string>;
  errorParams?: Record<string, Record<string, string | number>>;
  /** What was sent, shown again when there are errors. */
  values?: ChampEditorValues;
  /** No JavaScript: the page asks to confirm the deletion of this field. */
  confirmDelete?: boolean;
}

export function editorValuesOf(
  champ: Pick<DraftChamp, "type" | "libelle" | "description" | "mandatory" | "options">,
): ChampEditorValues {
  return {
    libelle: champ.libelle,
    description: champ.description ?? "",
    mandatory: champ.mandatory,
    options: editorOptionsOf(champ.type, champ.options),
  };
}

export function submittedValuesOf(form: FormData, type: TypeChamp): ChampEditorValues {
  return {
    libelle: formString(form, "libelle"),
    description: formString(form, "description"),
    mandatory: form.get("mandatory") === "on",
    options: editorOptionsFromForm(type, form),
  };
}

/** The `updateChamp` input, or the first error of the type-specific options. */
export function updateInputOf(champ: DraftChamp, values: ChampEditorValues) {
  const options = champOptionsFromEditor(champ.type, values.options);
  if (!options.ok) return { ok: false as const, error: options.error };
  return {
    ok: true as const,
    input: {
      stableId: champ.stableId,
      libelle: values.libelle,
      description: values.description,
      mandatory: values.mandatory,
      options: options.options,
    },
  };
}
