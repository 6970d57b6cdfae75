/**
 * `regions` (« Régions »): one of the 18 régions, stored as its INSEE code (« 53 »), the
 * reference's `external_id`; the name (« Bretagne ») comes from the bundled official data.
 *
 * Form contract: one select `champ_<key>` sending the code; a name typed by hand is understood too.
 */
import { z } from "zod";
import { REGIONS, regionByCode } from "../../geo/territories";
import { searchKey } from "../../geo/search-text";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const regionsOptionsSchema = z.object({});
export type RegionsOptions = z.infer<typeof regionsOptionsSchema>;

/** The code of a région given by code or by name (accents and case ignored). */
export function regionCodeOf(text: string): string | undefined {
  if (regionByCode(text)) return text;
  const key = searchKey(text);
  return REGIONS.find((region) => searchKey(region.name) === key)?.code;
}

export const regions: TypeDeChampDefinition<RegionsOptions, string, "regions"> = {
  type: "regions",
  category: "localisation",
  hasValue: true,
  optionsSchema: regionsOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : (regionCodeOf(line) ?? line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return regionByCode(value) ? null : champError("invalid_option", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value) => (value === null ? "" : (regionByCode(value)?.name ?? value)),
  stringValue: (value) => (isBlankString(value) ? null : (regionByCode(value ?? "")?.name ?? value)),

  graphqlTypename: "RegionChamp",
  graphqlDescriptorTypename: "RegionChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: the INSEE code (« 53 »); an exact name is accepted too.
  prefill: (raw) => {
    const text = prefillText(raw);
    return text === null ? null : (regionCodeOf(normalizeLine(text)) ?? null);
  },

  prefillFormat: examplePrefill("53"),
  conditionValueType: "enum",
  casts: {},
  sampleFormInput: () => "53",
};
