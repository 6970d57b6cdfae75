/**
 * The administrateur's field editor, as plain HTML inputs: turns what the form sends into the
 * options each type's `optionsSchema` expects, with precise errors (keys of
 * `admin.champEditor.errors`) instead of the schema's generic "options invalid". Pure.
 */
import type { TypeChamp } from "../champs/definition";
import { normalizeLine } from "../champs/input";
import { DROP_DOWN_MAX_OPTIONS, DROP_DOWN_OTHER } from "../champs/types/drop_down_list";
import { TEXTAREA_CHARACTER_LIMIT } from "../champs/types/textarea";

/** What the editor form of one field sends (absent inputs read as ""). */
export interface ChampEditorInput {
  libelle: string;
  description: string;
  mandatory: boolean;
  /** drop_down_list, multiple_drop_down_list: one option per line. */
  dropDownOptions: string;
  dropDownOther: boolean;
  /** textarea: "" for no limit. */
  characterLimit: string;
  /** header_section: "1" to "3". */
  level: string;
}

export type EditorError = {
  field: "options" | "characterLimit" | "level";
  key: string;
  params?: Record<string, string | number>;
};
export type OptionsResult = { ok: true; options: Record<string, unknown> } | { ok: false; error: EditorError };

/** The limits the reference's editor offers: 400–900 by 100, then 1 000–10 000 by 1 000. */
export const CHARACTER_LIMIT_CHOICES: readonly number[] = [
  ...Array.from({ length: 6 }, (_, i) => 400 + i * 100),
  ...Array.from({ length: 10 }, (_, i) => 1000 + i * 1000),
];

export const HEADER_LEVELS = [1, 2, 3] as const;

/** Options typed one per line: blank lines are skipped, each option is one clean line. */
export function parseOptionLines(text: string): { ok: true; options: string[] } | { ok: false; error: EditorError } {
  const options = text
    .split(/\r\n?|\n/)
    .map(normalizeLine)
    .filter((line) => line !== "");
  const fail = (key: string, params?: Record<string, string | number>) => ({
    ok: false as const,
    error: { field: "options" as const, key, params },
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

/** The options of one type from the editor's inputs. */
export function champOptionsFromEditor(type: TypeChamp, input: ChampEditorInput): OptionsResult {
  switch (type) {
    case "drop_down_list": {
      const parsed = parseOptionLines(input.dropDownOptions);
      if (!parsed.ok) return parsed;
      return { ok: true, options: { options: parsed.options, other: input.dropDownOther } };
    }
    case "multiple_drop_down_list": {
      const parsed = parseOptionLines(input.dropDownOptions);
      if (!parsed.ok) return parsed;
      return { ok: true, options: { options: parsed.options } };
    }
    case "textarea": {
      const raw = input.characterLimit.trim();
      if (raw === "") return { ok: true, options: {} };
      const limit = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(limit) || limit < TEXTAREA_CHARACTER_LIMIT.min || limit > TEXTAREA_CHARACTER_LIMIT.max) {
        return {
          ok: false,
          error: { field: "characterLimit", key: "character_limit_invalid", params: { ...TEXTAREA_CHARACTER_LIMIT } },
        };
      }
      return { ok: true, options: { characterLimit: limit } };
    }
    case "header_section": {
      const level = Number(input.level);
      if (!(HEADER_LEVELS as readonly number[]).includes(level))
        return { ok: false, error: { field: "level", key: "level_invalid" } };
      return { ok: true, options: { level } };
    }
    case "text":
    case "integer_number":
    case "date":
    case "yes_no":
    case "decimal_number":
    case "datetime":
    case "checkbox":
    case "civilite":
    case "email":
    case "phone":
    case "iban":
    case "siret":
      return { ok: true, options: {} };
  }
}
