/**
 * Options editors by type: adding a type's editor is one entry here (and one in
 * `app/routes/admin/ui/champ-options-editor.tsx` for its inputs). A type without an entry has no
 * options to edit.
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

// biome-ignore lint/suspicious/noExplicitAny: each entry is consistent with its own values type.
export const OPTIONS_EDITORS: Partial<Record<TypeChamp, ChampOptionsEditor<any>>> = {
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
};

export function optionsEditorOf(type: TypeChamp): ChampOptionsEditor<EditorOptionValues> | undefined {
  return OPTIONS_EDITORS[type];
}
