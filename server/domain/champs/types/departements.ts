/**
 * `departements` (« Départements »): one département (overseas collectivities and « 99 – Étranger »
 * included, as the reference lists them), stored as its code (« 56 », « 2A », « 971 »), the
 * reference's `external_id`. Displayed « 56 – Morbihan »; the API writes « 56 - Morbihan ».
 *
 * Form contract: one select `champ_<key>` sending the code; « 56 – Morbihan » or a name typed by
 * hand are understood too.
 */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import type { Locale } from "../../../../common/i18n/types";
import { DEPARTEMENTS, DEPARTEMENT_ETRANGER, type Departement, departementByCode } from "../../geo/territories";
import { searchKey } from "../../geo/search-text";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { isBlankString, normalizeLine, prefillText, requiredError, singleLine } from "../input";

export const departementsOptionsSchema = z.object({});
export type DepartementsOptions = z.infer<typeof departementsOptionsSchema>;

/** The code of a département given by code (« 1 » is « 01 », « 2a » is « 2A »), label or name. */
export function departementCodeOf(text: string): string | undefined {
  const code = text.toUpperCase();
  if (departementByCode(code)) return code;
  if (/^\d$/.test(code) && departementByCode(`0${code}`)) return `0${code}`;
  const label = text.match(/^(\w{1,3})\s*[–-]\s*\S/);
  if (label?.[1] && departementByCode(label[1].toUpperCase())) return label[1].toUpperCase();
  const key = searchKey(text);
  return DEPARTEMENTS.find((departement) => searchKey(departement.name) === key)?.code;
}

/** The name in `locale`: the official name, but « Étranger » is translated. */
export function departementName(departement: Departement, locale: Locale): string {
  return departement.code === DEPARTEMENT_ETRANGER ? translate(locale, "champs.geo.etranger") : departement.name;
}

export function departementDisplay(code: string, locale: Locale, dash = "–"): string {
  const departement = departementByCode(code);
  return departement ? `${departement.code} ${dash} ${departementName(departement, locale)}` : code;
}

export const departements: TypeDeChampDefinition<DepartementsOptions, string, "departements"> = {
  type: "departements",
  category: "localisation",
  hasValue: true,
  optionsSchema: departementsOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: z.string(),

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : (departementCodeOf(line) ?? line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || isBlankString(value)) return requiredError(true, descriptor);
    return departementByCode(value) ? null : champError("invalid_option", descriptor);
  },

  isBlank: isBlankString,
  displayValue: (value, _options, locale) => (value === null ? "" : departementDisplay(value, locale)),
  // The reference's API v2 replaces the en dash by a hyphen.
  stringValue: (value) => (isBlankString(value) ? null : departementDisplay(value ?? "", "fr", "-")),

  graphqlTypename: "DepartementChamp",
  graphqlDescriptorTypename: "DepartementChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: the code (« 56 »); a label or an exact name is accepted too.
  prefill: (raw) => {
    const text = prefillText(raw);
    return text === null ? null : (departementCodeOf(normalizeLine(text)) ?? null);
  },

  prefillFormat: examplePrefill("56"),
  conditionValueType: "departement_enum",
  casts: {},
  sampleFormInput: () => "56",
};
