/** Options editors of the drop-down types: one option per line (plus "Autre" for `drop_down_list`). */
import { normalizeLine } from "../../champs/input";
import { DROP_DOWN_MAX_OPTIONS, DROP_DOWN_OTHER } from "../../champs/types/drop_down_list";
import { type ChampOptionsEditor, type EditorError, formChecked, formText } from "./contract";

/** Options typed one per line: blank lines are skipped, each option is one clean line. */
export function parseOptionLines(text: string): { ok: true; options: string[] } | { ok: false; error: EditorError } {
  const options = text
    .split(/\r\n?|\n/)
    .map(normalizeLine)
    .filter((line) => line !== "");
  const fail = (key: string, params?: Record<string, string | number>) => ({
    ok: false as const,
    error: { field: "options", key, params },
  });
  if (options.length === 0) return fail("options_empty");
  if (options.length > DROP_DOWN_MAX_OPTIONS)
    return fail("options_too_many", { max: DROP_DOWN_MAX_OPTIONS, count: options.length });
  if (options.includes(DROP_DOWN_OTHER)) return fail("option_reserved", { option: DROP_DOWN_OTHER });
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option)) return fail("option_duplicate", { option });
    seen.add(option);
  }
  return { ok: true, options };
}

export function optionLinesOf(options: Record<string, unknown>): string {
  const list = options.options;
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === "string").join("\n") : "";
}

export type DropDownEditorValues = { dropDownOptions: string; dropDownOther: boolean };

export const dropDownListEditor: ChampOptionsEditor<DropDownEditorValues> = {
  csvImport: { field: "dropDownOptions", kind: "list" },
  fromOptions: (options) => ({ dropDownOptions: optionLinesOf(options), dropDownOther: options.other === true }),
  fromForm: (form) => ({
    dropDownOptions: formText(form, "dropDownOptions"),
    dropDownOther: formChecked(form, "dropDownOther"),
  }),
  toOptions: (values) => {
    const parsed = parseOptionLines(values.dropDownOptions);
    if (!parsed.ok) return parsed;
    return { ok: true, options: { options: parsed.options, other: values.dropDownOther } };
  },
};

export type MultipleDropDownEditorValues = { dropDownOptions: string };

export const multipleDropDownListEditor: ChampOptionsEditor<MultipleDropDownEditorValues> = {
  csvImport: { field: "dropDownOptions", kind: "list" },
  fromOptions: (options) => ({ dropDownOptions: optionLinesOf(options) }),
  fromForm: (form) => ({ dropDownOptions: formText(form, "dropDownOptions") }),
  toOptions: (values) => {
    const parsed = parseOptionLines(values.dropDownOptions);
    if (!parsed.ok) return parsed;
    return { ok: true, options: { options: parsed.options } };
  },
};
