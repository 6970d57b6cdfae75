/**
 * Options editors by type, one entry per `TypeChamp` (null: the type has no options to edit), so a
 * new type does not compile until it says whether it has one; its inputs are the matching entry of
 * `app/routes/admin/ui/champ-options-editor.tsx`, checked the same way.
 */
import type { TypeChamp } from "../../champs/definition";
import type { ChampOptionsEditor, EditorOptionValues } from "./contract";
import { dropDownListEditor, multipleDropDownListEditor } from "./drop-down";
import { headerSectionEditor } from "./header-section";
import { textareaEditor } from "./textarea";
import { pieceJustificativeEditor } from "./piece-justificative";
import { dateRulesEditor } from "./date-rules";
import { explicationEditor } from "./explication";
import { formattedEditor } from "./formatted";
import { linkedDropDownListEditor } from "./linked-drop-down";
import { decimalNumberEditor, integerNumberEditor } from "./number-rules";

export const OPTIONS_EDITORS = {
  drop_down_list: dropDownListEditor,
  multiple_drop_down_list: multipleDropDownListEditor,
  textarea: textareaEditor,
  piece_justificative: pieceJustificativeEditor,
  header_section: headerSectionEditor,
  explication: explicationEditor,
  formatted: formattedEditor,
  linked_drop_down_list: linkedDropDownListEditor,
  integer_number: integerNumberEditor,
  decimal_number: decimalNumberEditor,
  date: dateRulesEditor,
  datetime: dateRulesEditor,
  repetition: null,
  text: null,
  yes_no: null,
  checkbox: null,
  civilite: null,
  email: null,
  phone: null,
  iban: null,
  siret: null,
  dossier_link: null,
  titre_identite: null,
  pays: null,
  regions: null,
  departements: null,
  communes: null,
  epci: null,
  address: null,
  // biome-ignore lint/suspicious/noExplicitAny: each entry is consistent with its own values type.
} satisfies Record<TypeChamp, ChampOptionsEditor<any> | null>;

export function optionsEditorOf(type: TypeChamp): ChampOptionsEditor<EditorOptionValues> | null {
  // Each entry reads and writes its own values; callers only pass values that entry produced.
  return OPTIONS_EDITORS[type] as ChampOptionsEditor<EditorOptionValues> | null;
}
