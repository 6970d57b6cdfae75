/** Options editor of `textarea`: an optional character limit chosen in a list. */
import { TEXTAREA_CHARACTER_LIMIT } from "../../champs/types/textarea";
import { type ChampOptionsEditor, fail, formText } from "./contract";

/** The limits the reference's editor offers: 400–900 by 100, then 1 000–10 000 by 1 000. */
export const CHARACTER_LIMIT_CHOICES: readonly number[] = [
  ...Array.from({ length: 6 }, (_, i) => 400 + i * 100),
  ...Array.from({ length: 10 }, (_, i) => 1000 + i * 1000),
];

/** "" for no limit. */
export type TextareaEditorValues = { characterLimit: string };

export const textareaEditor: ChampOptionsEditor<TextareaEditorValues> = {
  fromOptions: (options) => ({
    characterLimit: typeof options.characterLimit === "number" ? String(options.characterLimit) : "",
  }),
  fromForm: (form) => ({ characterLimit: formText(form, "characterLimit") }),
  toOptions: (values) => {
    const raw = values.characterLimit.trim();
    if (raw === "") return { ok: true, options: {} };
    const limit = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(limit) || limit < TEXTAREA_CHARACTER_LIMIT.min || limit > TEXTAREA_CHARACTER_LIMIT.max)
      return fail("characterLimit", "character_limit_invalid", { ...TEXTAREA_CHARACTER_LIMIT });
    return { ok: true, options: { characterLimit: limit } };
  },
};
