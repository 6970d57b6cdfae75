/** Options editor of `header_section`: the title level. */
import { type ChampOptionsEditor, fail, formText } from "./contract";

export const HEADER_LEVELS = [1, 2, 3] as const;

/** "1" to "3". */
export type HeaderSectionEditorValues = { level: string };

export const headerSectionEditor: ChampOptionsEditor<HeaderSectionEditorValues> = {
  fromOptions: (options) => ({ level: typeof options.level === "number" ? String(options.level) : "1" }),
  fromForm: (form) => ({ level: formText(form, "level") }),
  toOptions: (values) => {
    const level = Number(values.level);
    if (!(HEADER_LEVELS as readonly number[]).includes(level)) return fail("level", "level_invalid");
    return { ok: true, options: { level } };
  },
};
