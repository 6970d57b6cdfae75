/**
 * `formatted` (« Texte formaté »): one line of text checked against the administrateur's rules.
 * - simple mode: which kinds of characters are accepted (letters, digits, other characters —
 *   spaces count as other characters) and a minimum / maximum length;
 * - advanced mode: a regular expression run by RE2 (linear time, see `formatted-regex.ts`), an
 *   example that must match it (checked when the options are saved and at publication), a help
 *   text and an error message for the usager.
 * Values are capped at `FORMATTED_MAX_LENGTH` characters whatever the rules.
 */
import { z } from "zod";
import { FILL_DURATION, type TypeDeChampDefinition, type TypedChampDescriptor } from "../definition";
import { examplePrefill } from "../facets";
import { champError, type ChampError } from "../errors";
import { characterCount, isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";
import { compileRegex, regexMatches } from "./formatted-regex";
import { FORMATTED_MAX_LENGTH } from "./plain";

/** No formatted value is longer (identifiers, codes, references): the input stops there too. */
export { FORMATTED_MAX_LENGTH };
export const FORMATTED_TEXT_MAX_LENGTH = 500;

const lengthSchema = z.number().int().min(1).max(FORMATTED_MAX_LENGTH);
const shortText = z.string().transform(normalizeLine).pipe(z.string().max(FORMATTED_TEXT_MAX_LENGTH));

export const formattedOptionsSchema = z
  .object({
    mode: z.enum(["simple", "advanced"]).default("simple"),
    lettersAccepted: z.boolean().default(true),
    numbersAccepted: z.boolean().default(true),
    specialCharactersAccepted: z.boolean().default(true),
    minCharacterLength: lengthSchema.optional(),
    maxCharacterLength: lengthSchema.optional(),
    /** Advanced mode: the pattern (RE2 syntax), matched anywhere unless anchored with ^…$. */
    expressionReguliere: z.string().max(500).optional(),
    /** Advanced mode: shown to the usager under the libellé. */
    expressionReguliereIndications: shortText.optional(),
    /** Advanced mode: a value that must match (shown to the usager as an example). */
    expressionReguliereExempleText: shortText.optional(),
    /** Advanced mode: the message shown when the value does not match. */
    expressionReguliereErrorMessage: shortText.optional(),
  })
  .superRefine((options, ctx) => {
    const issue = (message: string, path: string) => ctx.addIssue({ code: "custom", message, path: [path] });
    if (options.mode === "simple") {
      if (!options.lettersAccepted && !options.numbersAccepted && !options.specialCharactersAccepted)
        issue("no_character_kind", "lettersAccepted");
      const { minCharacterLength: min, maxCharacterLength: max } = options;
      if (min !== undefined && max !== undefined && min > max) issue("min_over_max", "minCharacterLength");
      return;
    }
    const pattern = options.expressionReguliere ?? "";
    if (pattern === "") return issue("regex_required", "expressionReguliere");
    if (!compileRegex(pattern).ok) return issue("regex_invalid", "expressionReguliere");
    const example = options.expressionReguliereExempleText ?? "";
    if (example === "") return issue("example_required", "expressionReguliereExempleText");
    if (!regexMatches(pattern, example)) issue("example_mismatch", "expressionReguliereExempleText");
  });
export type FormattedOptions = z.infer<typeof formattedOptionsSchema>;

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

/** The first character the simple mode does not accept, or null. */
export function firstRefusedCharacter(value: string, options: FormattedOptions): string | null {
  for (const character of value) {
    const accepted = LETTER.test(character)
      ? options.lettersAccepted
      : DIGIT.test(character)
        ? options.numbersAccepted
        : options.specialCharactersAccepted;
    if (!accepted) return character;
  }
  return null;
}

/** The rules of the field, in order: null when the (non-blank) value follows them. */
export function formattedError(value: string, descriptor: TypedChampDescriptor<FormattedOptions>): ChampError | null {
  const { options } = descriptor;
  const length = characterCount(value);
  if (length > FORMATTED_MAX_LENGTH) return champError("too_long", descriptor, { max: FORMATTED_MAX_LENGTH });
  if (options.mode === "advanced") {
    const pattern = options.expressionReguliere ?? "";
    if (!compileRegex(pattern).ok) return champError("misconfigured", descriptor);
    if (regexMatches(pattern, value)) return null;
    const message = options.expressionReguliereErrorMessage ?? "";
    return message === ""
      ? champError("formatted_mismatch", descriptor, example(options))
      : champError("formatted_mismatch_custom", descriptor, { message });
  }
  const refused = firstRefusedCharacter(value, options);
  if (refused !== null)
    return SPACE.test(refused)
      ? champError("formatted_space_refused", descriptor)
      : champError("formatted_character_refused", descriptor, { character: refused });
  if (options.minCharacterLength !== undefined && length < options.minCharacterLength)
    return champError("too_short", descriptor, { min: options.minCharacterLength });
  if (options.maxCharacterLength !== undefined && length > options.maxCharacterLength)
    return champError("too_long", descriptor, { max: options.maxCharacterLength });
  return null;
}

function example(options: FormattedOptions): Record<string, string> {
  return { example: options.expressionReguliereExempleText ?? "" };
}

export const formatted: TypeDeChampDefinition<FormattedOptions, string, "formatted"> = {
  type: "formatted",
  category: "standard",
  hasValue: true,
  optionsSchema: formattedOptionsSchema,
  defaultOptions: () => ({
    mode: "simple",
    lettersAccepted: true,
    numbersAccepted: true,
    specialCharactersAccepted: true,
  }),
  valueSchema: z.string(),

  // Kept as typed (one line) so the usager can fix it; the rules apply at submission.
  parseFormInput: (raw) => singleLine(raw),

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return formattedError(value, descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => value ?? "",
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "TextChamp",
  graphqlDescriptorTypename: "FormattedChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: a string following the rules; anything else is dropped.
  prefill: (raw, options) => {
    const text = prefillText(raw);
    if (text === null) return null;
    const value = normalizeLine(text);
    if (value === "") return null;
    const probe = { stableId: 0, type: "formatted" as const, libelle: "", description: null, mandatory: false, options };
    return formattedError(value, probe) === null ? value : null;
  },

  prefillFormat: examplePrefill((options, words) => options.expressionReguliereExempleText || words("text")),
  conditionValueType: "unmanaged",
  casts: {},
  sampleFormInput: () => "AB-1234",
};
