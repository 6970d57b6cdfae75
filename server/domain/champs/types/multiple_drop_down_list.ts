/**
 * `multiple_drop_down_list` (« Choix multiple »): any number of the administrateur's options. The
 * stored value is the array of chosen option texts, in the options' order.
 *
 * Form contract (works without JavaScript): checkboxes (or a multiple select) named
 * `champ_<stableId>` plus a hidden empty input of the same name, so that unticking every box still
 * sends the field (and saves it as blank).
 */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { TEXT_CASTS } from "../facets";
import { champError } from "../errors";
import { normalizeLine, requiredError } from "../input";
import { DROP_DOWN_MAX_OPTIONS, dropDownOptionSchema } from "./drop_down_list";

export const multipleDropDownListOptionsSchema = z.object({
  options: z
    .array(dropDownOptionSchema)
    .min(1)
    .max(DROP_DOWN_MAX_OPTIONS)
    .refine((options) => new Set(options).size === options.length, { message: "duplicate_option" }),
});
export type MultipleDropDownListOptions = z.infer<typeof multipleDropDownListOptionsSchema>;

/** Distinct non-blank values: known options in the options' order, then unknown ones as given. */
function choose(values: readonly string[], options: readonly string[]): string[] {
  const given = new Set(values.map(normalizeLine).filter((v) => v !== ""));
  const known = options.filter((option) => given.has(option));
  const unknown = [...given].filter((value) => !options.includes(value));
  return [...known, ...unknown];
}

export const multipleDropDownList: TypeDeChampDefinition<MultipleDropDownListOptions, string[], "multiple_drop_down_list"> = {
  type: "multiple_drop_down_list",
  category: "choice",
  hasValue: true,
  optionsSchema: multipleDropDownListOptionsSchema,
  defaultOptions: (locale) => ({
    options: [
      translate(locale, "champs.dropDownList.defaultOptions.first"),
      translate(locale, "champs.dropDownList.defaultOptions.second"),
    ],
  }),
  valueSchema: z.array(z.string()),

  // Lenient: an unknown value (option removed since) is kept; submission rejects it.
  parseFormInput: (raw, options) => {
    const chosen = choose(Array.isArray(raw) ? raw : raw === undefined ? [] : [raw], options.options);
    return chosen.length === 0 ? null : chosen;
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || value.length === 0) return requiredError(true, descriptor);
    return value.every((v) => descriptor.options.options.includes(v)) ? null : champError("invalid_option", descriptor);
  },

  isBlank: (value) => value === null || value.length === 0,
  displayValue: (value) => (value ?? []).join(", "),
  stringValue: (value) => (value === null || value.length === 0 ? null : value.join(", ")),

  graphqlTypename: "MultipleDropDownListChamp",
  graphqlDescriptorTypename: "MultipleDropDownListChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: one option or an array of options; values not among the options are dropped.
  prefill: (raw, options) => {
    const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((v) => typeof v === "string") : [];
    const chosen = choose(list, options.options).filter((v) => options.options.includes(v));
    return chosen.length === 0 ? null : chosen;
  },

  prefillFormat: {
    example: (options) => options.options.slice(0, 2),
    choices: (options) => ({ values: [...options.options], other: false }),
  },
  conditionValueType: "enums",
  casts: {
    // One choice converts; several cannot be one.
    drop_down_list: (value) =>
      Array.isArray(value) && value.length === 1 && typeof value[0] === "string" ? value[0] : undefined,
    ...TEXT_CASTS,
  },
  sampleFormInput: (options) => options.options[0] ?? "",
};
