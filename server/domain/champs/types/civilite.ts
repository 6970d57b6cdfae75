/** `civilite` (« Civilité »): "M." or "Mme", stored as the reference does. */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { closedPrefill } from "../facets";
import { champError } from "../errors";
import { requiredError, singleLine } from "../input";

export const civiliteOptionsSchema = z.object({});
export type CiviliteOptions = z.infer<typeof civiliteOptionsSchema>;

export const CIVILITES = ["M.", "Mme"] as const;
export const civiliteValueSchema = z.enum(CIVILITES);
export type CiviliteValue = z.infer<typeof civiliteValueSchema>;

/** "M." and "Mme", also as the API's enum names ("M") and whatever the case. */
function asCivilite(text: string): CiviliteValue | null {
  const lower = text.trim().toLowerCase();
  if (lower === "m." || lower === "m") return "M.";
  if (lower === "mme") return "Mme";
  return null;
}

export const civilite: TypeDeChampDefinition<CiviliteOptions, CiviliteValue, "civilite"> = {
  type: "civilite",
  category: "etat_civil",
  hasValue: true,
  optionsSchema: civiliteOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: civiliteValueSchema,

  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : asCivilite(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null) return requiredError(true, descriptor);
    return (CIVILITES as readonly string[]).includes(value) ? null : champError("invalid_value", descriptor);
  },

  isBlank: (value) => value === null,
  displayValue: (value, _options, locale) =>
    value === null ? "" : translate(locale, value === "M." ? "champs.civilite.monsieur" : "champs.civilite.madame"),
  stringValue: (value) => value,

  graphqlTypename: "CiviliteChamp",
  graphqlDescriptorTypename: "CiviliteChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: "M." / "Mme"; anything else is dropped.
  prefill: (raw) => (typeof raw === "string" ? asCivilite(raw) : null),

  prefillFormat: closedPrefill(["M.", "Mme"]),
  conditionValueType: "unmanaged",
  casts: {},
  sampleFormInput: () => "Mme",
};
