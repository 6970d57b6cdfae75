/**
 * The form editor's server side: what one field's form sends, turned into `updateChamp` input, and
 * the values the editor shows for a stored field.
 */
import type { DraftChamp } from "../../../server/queries/admin/champs";
import { champOptionsFromEditor, optionLinesOf, type ChampEditorInput } from "../../../server/domain/demarches/champ-editor-form";
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

export function editorValuesOf(champ: Pick<DraftChamp, "libelle" | "description" | "mandatory" | "options">): ChampEditorValues {
  const { options } = champ;
  return {
    libelle: champ.libelle,
    description: champ.description ?? "",
    mandatory: champ.mandatory,
    dropDownOptions: optionLinesOf(options),
    dropDownOther: options.other === true,
    characterLimit: typeof options.characterLimit === "number" ? String(options.characterLimit) : "",
    level: typeof options.level === "number" ? String(options.level) : "1",
  };
}

export function submittedValuesOf(form: FormData): ChampEditorValues {
  return {
    libelle: formString(form, "libelle"),
    description: formString(form, "description"),
    mandatory: form.get("mandatory") === "on",
    dropDownOptions: formString(form, "dropDownOptions"),
    dropDownOther: form.get("dropDownOther") === "on",
    characterLimit: formString(form, "characterLimit"),
    level: formString(form, "level"),
  };
}

/** The `updateChamp` input, or the first error of the type-specific options. */
export function updateInputOf(champ: DraftChamp, values: ChampEditorValues) {
  const options = champOptionsFromEditor(champ.type, values);
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
