/**
 * `checkbox` (« Case à cocher »): stored as "true" / "false" like the reference. A mandatory
 * checkbox must be ticked (consent, attestation).
 *
 * Form contract (works without JavaScript): a hidden input `champ_<stableId>` = "false" precedes
 * the checkbox of the same name with value "true", so an unticked box is still sent (and saved).
 */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { closedPrefill, sameString } from "../facets";
import { champError } from "../errors";
import { requiredError } from "../input";

export const checkboxOptionsSchema = z.object({});
export type CheckboxOptions = z.infer<typeof checkboxOptionsSchema>;

export const checkboxValueSchema = z.enum(["true", "false"]);
export type CheckboxValue = z.infer<typeof checkboxValueSchema>;

function asCheckbox(text: string): CheckboxValue | null {
  const lower = text.trim().toLowerCase();
  if (lower === "true" || lower === "on" || lower === "1") return "true";
  if (lower === "false" || lower === "off" || lower === "0") return "false";
  return null;
}

export const checkbox: TypeDeChampDefinition<CheckboxOptions, CheckboxValue, "checkbox"> = {
  type: "checkbox",
  category: "choice",
  hasValue: true,
  optionsSchema: checkboxOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: checkboxValueSchema,

  // Ticked wins over the hidden "false"; only the two values can be stored.
  parseFormInput: (raw) => {
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(asCheckbox);
    if (values.includes("true")) return "true";
    return values.includes("false") ? "false" : null;
  },

  validateForSubmit: (value, descriptor) => {
    if (value !== null && value !== "true" && value !== "false") return champError("invalid_value", descriptor);
    return requiredError(value !== "true", descriptor);
  },

  isBlank: (value) => value === null,

  displayValue: (value, _options, locale) =>
    value === null ? "" : translate(locale, value === "true" ? "champs.yesNo.true" : "champs.yesNo.false"),

  // As the reference: an unticked or unanswered box reads "false".
  stringValue: (value) => value ?? "false",

  graphqlTypename: "CheckboxChamp",
  graphqlDescriptorTypename: "CheckboxChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: "true" / "false"; JSON booleans are accepted too.
  prefill: (raw) => {
    if (typeof raw === "boolean") return raw ? "true" : "false";
    if (typeof raw !== "string") return null;
    const lower = raw.trim().toLowerCase();
    return lower === "true" || lower === "false" ? lower : null;
  },

  prefillFormat: closedPrefill(["true", "false"]),
  conditionValueType: "boolean",
  casts: { yes_no: sameString },
  sampleFormInput: () => "true",
};
