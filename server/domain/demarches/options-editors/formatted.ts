/**
 * Options editor of `formatted`: the mode, then the simple rules (kinds of characters, lengths) or
 * the advanced ones (pattern, example, help text, error message). Both sets are kept whatever the
 * mode, so switching back and forth loses nothing; only the chosen mode's rules are checked.
 */
import { normalizeLine } from "../../champs/input";
import { FORMATTED_MAX_LENGTH, FORMATTED_TEXT_MAX_LENGTH } from "../../champs/types/formatted";
import { compileRegex, REGEX_MAX_LENGTH, regexMatches } from "../../champs/types/formatted-regex";
import { type ChampOptionsEditor, fail, formChecked, formText, type OptionsResult, optionText } from "./contract";

export type FormattedEditorValues = {
  formattedMode: string;
  lettersAccepted: boolean;
  numbersAccepted: boolean;
  specialCharactersAccepted: boolean;
  minLength: string;
  maxLength: string;
  regex: string;
  regexExample: string;
  regexIndications: string;
  regexErrorMessage: string;
};

const TEXTS = ["regexExample", "regexIndications", "regexErrorMessage"] as const;

type LengthResult = { ok: true; value: number | undefined } | Extract<OptionsResult, { ok: false }>;

function parseLength(field: string, raw: string): LengthResult {
  const text = raw.trim();
  if (text === "") return { ok: true, value: undefined };
  const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > FORMATTED_MAX_LENGTH)
    return { ok: false, error: { field, key: "length_invalid", params: { max: FORMATTED_MAX_LENGTH } } };
  return { ok: true, value };
}

export const formattedEditor: ChampOptionsEditor<FormattedEditorValues> = {
  fromOptions: (options) => ({
    formattedMode: options.mode === "advanced" ? "advanced" : "simple",
    lettersAccepted: options.lettersAccepted !== false,
    numbersAccepted: options.numbersAccepted !== false,
    specialCharactersAccepted: options.specialCharactersAccepted !== false,
    minLength: optionText(options, "minCharacterLength"),
    maxLength: optionText(options, "maxCharacterLength"),
    regex: optionText(options, "expressionReguliere"),
    regexExample: optionText(options, "expressionReguliereExempleText"),
    regexIndications: optionText(options, "expressionReguliereIndications"),
    regexErrorMessage: optionText(options, "expressionReguliereErrorMessage"),
  }),
  fromForm: (form) => ({
    formattedMode: formText(form, "formattedMode"),
    lettersAccepted: formChecked(form, "lettersAccepted"),
    numbersAccepted: formChecked(form, "numbersAccepted"),
    specialCharactersAccepted: formChecked(form, "specialCharactersAccepted"),
    minLength: formText(form, "minLength"),
    maxLength: formText(form, "maxLength"),
    regex: formText(form, "regex"),
    regexExample: formText(form, "regexExample"),
    regexIndications: formText(form, "regexIndications"),
    regexErrorMessage: formText(form, "regexErrorMessage"),
  }),
  toOptions: (values) => {
    const mode = values.formattedMode === "advanced" ? "advanced" : values.formattedMode === "simple" ? "simple" : null;
    if (mode === null) return fail("formattedMode", "formatted_mode_invalid");
    const min = parseLength("minLength", values.minLength);
    if (!min.ok) return min;
    const max = parseLength("maxLength", values.maxLength);
    if (!max.ok) return max;
    const texts = Object.fromEntries(TEXTS.map((key) => [key, normalizeLine(values[key])])) as Record<
      (typeof TEXTS)[number],
      string
    >;
    for (const key of TEXTS)
      if (texts[key].length > FORMATTED_TEXT_MAX_LENGTH) return fail(key, "text_too_long", { max: FORMATTED_TEXT_MAX_LENGTH });
    // The pattern is kept exactly as typed (spaces are part of it), on one line.
    const regex = values.regex.replace(/[\r\n]+/g, "");
    if (regex.length > REGEX_MAX_LENGTH) return fail("regex", "regex_too_long", { max: REGEX_MAX_LENGTH });

    if (mode === "simple") {
      if (!values.lettersAccepted && !values.numbersAccepted && !values.specialCharactersAccepted)
        return fail("lettersAccepted", "no_character_kind");
      if (min.value !== undefined && max.value !== undefined && min.value > max.value)
        return fail("minLength", "length_min_over_max");
    } else {
      if (regex.trim() === "") return fail("regex", "regex_required");
      const compiled = compileRegex(regex);
      if (!compiled.ok) {
        if (compiled.reason === "too_long") return fail("regex", "regex_too_long", { max: REGEX_MAX_LENGTH });
        return fail("regex", compiled.reason === "unsupported" ? "regex_unsupported" : "regex_invalid", {
          fragment: compiled.fragment,
        });
      }
      if (texts.regexExample === "") return fail("regexExample", "regex_example_required");
      if (!regexMatches(regex, texts.regexExample)) return fail("regexExample", "regex_example_mismatch");
    }

    const options: Record<string, unknown> = {
      mode,
      lettersAccepted: values.lettersAccepted,
      numbersAccepted: values.numbersAccepted,
      specialCharactersAccepted: values.specialCharactersAccepted,
      minCharacterLength: min.value,
      maxCharacterLength: max.value,
      expressionReguliere: regex === "" ? undefined : regex,
      expressionReguliereExempleText: texts.regexExample || undefined,
      expressionReguliereIndications: texts.regexIndications || undefined,
      expressionReguliereErrorMessage: texts.regexErrorMessage || undefined,
    };
    return { ok: true, options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  },
};
