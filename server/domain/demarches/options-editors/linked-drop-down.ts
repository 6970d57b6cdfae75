/**
 * Options editor of `linked_drop_down_list`: the option tree typed with the reference's syntax
 * (`--Primary--` lines, then that primary's secondary values), and the secondary menu's label and hint.
 */
import { normalizeLine } from "../../champs/input";
import { DROP_DOWN_MAX_OPTIONS, DROP_DOWN_OTHER } from "../../champs/types/drop_down_list";
import { linkedLinesOf, linkedDropDownListOptionsSchema, parseLinkedLines } from "../../champs/types/linked_drop_down_list";
import { type ChampOptionsEditor, fail, formText, optionText } from "./contract";

export type LinkedDropDownEditorValues = { linkedOptions: string; secondaryLibelle: string; secondaryDescription: string };

const FIELD = "linkedOptions";

export const linkedDropDownListEditor: ChampOptionsEditor<LinkedDropDownEditorValues> = {
  csvImport: { field: "linkedOptions", kind: "linked" },
  fromOptions: (options) => {
    const parsed = linkedDropDownListOptionsSchema.safeParse(options);
    return {
      linkedOptions: parsed.success ? linkedLinesOf(parsed.data.options).join("\n") : "",
      secondaryLibelle: optionText(options, "secondaryLibelle"),
      secondaryDescription: optionText(options, "secondaryDescription"),
    };
  },
  fromForm: (form) => ({
    linkedOptions: formText(form, FIELD),
    secondaryLibelle: formText(form, "secondaryLibelle"),
    secondaryDescription: formText(form, "secondaryDescription"),
  }),
  toOptions: (values) => {
    const parsed = parseLinkedLines(values.linkedOptions.split(/\r\n?|\n/));
    if (!parsed.ok) {
      if (parsed.error === "empty") return fail(FIELD, "options_empty");
      return fail(FIELD, parsed.error === "first_not_primary" ? "linked_first_not_primary" : "linked_primary_blank", {
        line: parsed.line ?? 1,
      });
    }
    const count = parsed.tree.reduce((n, entry) => n + 1 + entry.secondaries.length, 0);
    if (count > DROP_DOWN_MAX_OPTIONS) return fail(FIELD, "options_too_many", { max: DROP_DOWN_MAX_OPTIONS, count });
    const primaries = new Set<string>();
    for (const entry of parsed.tree) {
      if (entry.primary === DROP_DOWN_OTHER) return fail(FIELD, "option_reserved", { option: DROP_DOWN_OTHER });
      if (primaries.has(entry.primary)) return fail(FIELD, "option_duplicate", { option: entry.primary });
      primaries.add(entry.primary);
      const seen = new Set<string>();
      for (const secondary of entry.secondaries) {
        if (secondary === DROP_DOWN_OTHER) return fail(FIELD, "option_reserved", { option: DROP_DOWN_OTHER });
        if (seen.has(secondary)) return fail(FIELD, "linked_secondary_duplicate", { option: secondary, primary: entry.primary });
        seen.add(secondary);
      }
    }
    const secondaryLibelle = normalizeLine(values.secondaryLibelle);
    const secondaryDescription = normalizeLine(values.secondaryDescription);
    if (secondaryLibelle.length > 500) return fail("secondaryLibelle", "text_too_long", { max: 500 });
    if (secondaryDescription.length > 1000) return fail("secondaryDescription", "text_too_long", { max: 1000 });
    return {
      ok: true,
      options: {
        options: parsed.tree,
        ...(secondaryLibelle === "" ? {} : { secondaryLibelle }),
        ...(secondaryDescription === "" ? {} : { secondaryDescription }),
      },
    };
  },
};
