/** `yes_no` (« Oui/Non »): two radio buttons, stored as the strings "true" / "false" like the reference. */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type TypeDeChampDefinition } from "../definition";
import { closedPrefill, sameString } from "../facets";
import { champError } from "../errors";
import { requiredError, singleLine } from "../input";

export const yesNoOptionsSchema = z.object({});
export type YesNoOptions = z.infer<typeof yesNoOptionsSchema>;

export const yesNoValueSchema = z.enum(["true", "false"]);
export type YesNoValue = z.infer<typeof yesNoValueSchema>;

function asYesNo(text: string): YesNoValue | null {
  const lower = text.toLowerCase();
  return lower === "true" || lower === "false" ? lower : null;
}

export const yesNo: TypeDeChampDefinition<YesNoOptions, YesNoValue, "yes_no"> = {
  type: "yes_no",
  category: "choice",
  hasValue: true,
  optionsSchema: yesNoOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: yesNoValueSchema,

  // Only the radios' own values can be stored; anything else means "not answered".
  parseFormInput: (raw) => {
    const line = singleLine(raw);
    return line === null ? null : asYesNo(line);
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null) return requiredError(true, descriptor);
    // Defensive: callers normally pass values already checked by valueSchema.
    return value === "true" || value === "false" ? null : champError("invalid_value", descriptor);
  },

  isBlank: (value) => value === null,

  // Unanswered shows as empty rather than the reference's "Non": not answering is not saying no.
  displayValue: (value, _options, locale) =>
    value === null ? "" : translate(locale, value === "true" ? "champs.yesNo.true" : "champs.yesNo.false"),

  // Reference API quirk kept for compatibility: an unanswered yes/no reads "false".
  stringValue: (value) => value ?? "false",

  graphqlTypename: "YesNoChamp",
  graphqlDescriptorTypename: "YesNoChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: "true" / "false"; JSON booleans are accepted too.
  prefill: (raw) => {
    if (typeof raw === "boolean") return raw ? "true" : "false";
    return typeof raw === "string" ? asYesNo(raw.trim()) : null;
  },

  prefillFormat: closedPrefill(["true", "false"]),
  conditionValueType: "boolean",
  casts: { checkbox: sameString },
  sampleFormInput: () => "true",
};
