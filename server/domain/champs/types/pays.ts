/**
 * `pays` (« Pays »): a country, stored as its ISO 3166-1 alpha-2 code (« FR »), the reference's
 * `external_id`; names come from the bundled list in the reader's language (the API serves French
 * names, as the reference stores them). Overseas départements are France, not countries.
 *
 * Form contract: one input `champ_<key>` (select, or combobox with JavaScript) sending the code;
 * a country name typed by hand is understood too.
 */
import { z } from "zod";
import { countries, countryCode, countryName } from "../../geo/territories";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const paysOptionsSchema = z.object({});
export type PaysOptions = z.infer<typeof paysOptionsSchema>;

export function isCountryCode(value: string): boolean {
  return countries("fr").some((country) => country.code === value);
}

export const pays: TypeDeChampDefinition<PaysOptions, string, "pays"> = {
  type: "pays",
  category: "localisation",
  hasValue: true,
  optionsSchema: paysOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  // Lenient: an unknown text is kept as typed and refused at submission.
  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : (countryCode(line) ?? line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return isCountryCode(value) ? null : champError("invalid_option", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value, _options, locale) => (value === null ? "" : (countryName(value, locale) ?? value)),
  stringValue: (value) => (isBlankString(value) ? null : (countryName(value ?? "", "fr") ?? value)),

  graphqlTypename: "PaysChamp",
  graphqlDescriptorTypename: "PaysChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: the ISO code (« FR »); names are resolved too; anything else is dropped.
  prefill: (raw) => {
    const text = prefillText(raw);
    return text === null ? null : (countryCode(normalizeLine(text)) ?? null);
  },

  prefillFormat: examplePrefill("FR"),
  conditionValueType: "enum",
  casts: {},
  sampleFormInput: () => "FR",
};
