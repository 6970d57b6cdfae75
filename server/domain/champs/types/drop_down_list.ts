/**
 * `drop_down_list` (« Choix simple »): one choice among the administrateur's options, or free text
 * when the "Autre" choice is enabled. The stored value is the option text itself (or the free text),
 * as in the reference, so exports and the API need no lookup.
 *
 * Form contract (works without JavaScript): the radios/select are named `champ_<stableId>` and the
 * "Autre" choice has the value `DROP_DOWN_OTHER`; the free-text input shares the same name, so the
 * form gives both values and `parseFormInput` picks the right one whatever their order.
 */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError } from "../input";
import { DROP_DOWN_OTHER } from "./plain";

/** Sentinel sent by the "Autre" radio/option; never stored (defined in `plain.ts`, for the browser). */
export { DROP_DOWN_OTHER };
export const DROP_DOWN_MAX_OPTIONS = 5000;

export const dropDownOptionSchema = z
  .string()
  .transform(normalizeLine)
  .pipe(
    z
      .string()
      .min(1)
      .refine((text) => text !== DROP_DOWN_OTHER, { message: "reserved" }),
  );

export const dropDownListOptionsSchema = z.object({
  options: z
    .array(dropDownOptionSchema)
    .min(1)
    .max(DROP_DOWN_MAX_OPTIONS)
    .refine((options) => new Set(options).size === options.length, { message: "duplicate_option" }),
  /** Adds an "Autre" choice with free text (the reference's `drop_down_other`). */
  other: z.boolean().optional(),
});
export type DropDownListOptions = z.infer<typeof dropDownListOptionsSchema>;

function normalizedValues(raw: string[]): string[] {
  return raw.map(normalizeLine).filter((value) => value !== "");
}

export const dropDownList: TypeDeChampDefinition<DropDownListOptions, string, "drop_down_list"> = {
  type: "drop_down_list",
  category: "choice",
  hasValue: true,
  optionsSchema: dropDownListOptionsSchema,
  // A new drop-down needs at least one choice; these placeholders are meant to be replaced.
  defaultOptions: (locale) => ({
    options: [
      translate(locale, "champs.dropDownList.defaultOptions.first"),
      translate(locale, "champs.dropDownList.defaultOptions.second"),
    ],
    other: false,
  }),
  valueSchema: z.string(),

  parseFormInput: (raw, options) => {
    const values = normalizedValues(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
    // "Autre" chosen: the free text is the only other non-empty value (or nothing typed yet).
    if (values.includes(DROP_DOWN_OTHER)) return values.find((v) => v !== DROP_DOWN_OTHER) ?? null;
    // An actual option wins over stray free text left in the hidden "Autre" input.
    // Lenient: an unknown value is kept as typed; submission rejects it if "Autre" is off.
    return values.find((v) => options.options.includes(v)) ?? values[0] ?? null;
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    if (descriptor.options.other || descriptor.options.options.includes(value)) return null;
    return champError("invalid_option", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => value ?? "",
  stringValue: (value) => (isBlankString(value) ? null : value),

  graphqlTypename: "DropDownListChamp",
  graphqlDescriptorTypename: "DropDownListChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: the option text; any text when "Autre" is enabled.
  prefill: (raw, options) => {
    const text = prefillText(raw);
    if (text === null) return null;
    const value = normalizeLine(text);
    if (value === "" || value === DROP_DOWN_OTHER) return null;
    return options.other || options.options.includes(value) ? value : null;
  },

  prefillFormat: {
    example: (options) => options.options[0] ?? "",
    choices: (options) => ({ values: [...options.options], other: options.other === true }),
  },
  conditionValueType: "enum",
  casts: {
    multiple_drop_down_list: (value) => (typeof value === "string" ? [value] : undefined),
    ...TEXT_CASTS,
  },
  sampleFormInput: (options) => options.options[0] ?? "",
};
