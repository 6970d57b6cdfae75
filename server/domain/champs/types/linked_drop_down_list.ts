/**
 * `linked_drop_down_list` (« Deux menus déroulants liés »): a primary choice, then a secondary
 * choice among the ones listed under it. Options are a tree (primary → secondaries), written in
 * the editor with the reference's syntax: a line `--Primary--` starts a primary value, the lines
 * below it are its secondary values. The value is `{ primary, secondary }` ("" when the primary
 * has no secondary values).
 *
 * Form contract (works without JavaScript): a select named `champ_<key>` for the primary value and
 * a select named `champ_<key>__secondary` whose options carry both values as a JSON pair
 * `["primary","secondary"]` (grouped by primary without JavaScript), so a secondary choice alone
 * also tells which primary it belongs to.
 */
import { z } from "zod";
import { translate } from "../../../../common/i18n";
import { FILL_DURATION, type FormInput, type TypeDeChampDefinition } from "../definition";
import { champError } from "../errors";
import { normalizeLine, requiredError, singleLine } from "../input";
import { DROP_DOWN_MAX_OPTIONS, dropDownOptionSchema } from "./drop_down_list";
import { secondariesOf, secondaryOptionValue } from "./plain";

const distinct = (list: readonly string[]) => new Set(list).size === list.length;

export const linkedDropDownListOptionsSchema = z.object({
  options: z
    .array(
      z.object({
        primary: dropDownOptionSchema,
        secondaries: z.array(dropDownOptionSchema).refine(distinct, { message: "duplicate_option" }),
      }),
    )
    .min(1)
    .refine((tree) => distinct(tree.map((entry) => entry.primary)), { message: "duplicate_option" })
    .refine((tree) => tree.reduce((n, entry) => n + 1 + entry.secondaries.length, 0) <= DROP_DOWN_MAX_OPTIONS, {
      message: "too_many",
    }),
  /** Label of the secondary menu (the reference's `drop_down_secondary_libelle`); default: a generic one. */
  secondaryLibelle: z.string().transform(normalizeLine).pipe(z.string().max(500)).optional(),
  /** Hint under the secondary menu (`drop_down_secondary_description`). */
  secondaryDescription: z.string().transform(normalizeLine).pipe(z.string().max(1000)).optional(),
});
export type LinkedDropDownListOptions = z.infer<typeof linkedDropDownListOptionsSchema>;
export type LinkedOptionTree = LinkedDropDownListOptions["options"];

export const linkedValueSchema = z.object({ primary: z.string(), secondary: z.string() });
export type LinkedDropDownValue = z.infer<typeof linkedValueSchema>;

/** A primary line of the editor's syntax: `--Label--`. */
const PRIMARY_LINE = /^--(.*)--$/;

export type LinkedParseResult =
  | { ok: true; tree: LinkedOptionTree }
  | { ok: false; error: "empty" | "first_not_primary" | "primary_blank"; line?: number };

/** The editor's lines as a tree; blank lines are skipped. Duplicates are checked by the schema. */
export function parseLinkedLines(lines: readonly string[]): LinkedParseResult {
  const tree: { primary: string; secondaries: string[] }[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = normalizeLine(raw);
    if (line === "") continue;
    const primary = PRIMARY_LINE.exec(line);
    if (primary) {
      const label = normalizeLine(primary[1] ?? "");
      if (label === "") return { ok: false, error: "primary_blank", line: index + 1 };
      tree.push({ primary: label, secondaries: [] });
    } else {
      const current = tree.at(-1);
      if (!current) return { ok: false, error: "first_not_primary", line: index + 1 };
      current.secondaries.push(line);
    }
  }
  return tree.length === 0 ? { ok: false, error: "empty" } : { ok: true, tree };
}

/** The tree in the editor's syntax, one entry per line (also the API's flat `options`). */
export function linkedLinesOf(tree: LinkedOptionTree): string[] {
  return tree.flatMap((entry) => [`--${entry.primary}--`, ...entry.secondaries]);
}

export { secondariesOf, secondaryOptionValue };

function parseSecondaryOption(text: string): { primary: string; secondary: string } | null {
  try {
    const pair: unknown = JSON.parse(text);
    if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string")
      return { primary: normalizeLine(pair[0]), secondary: normalizeLine(pair[1]) };
  } catch {
    // A plain secondary value (API clients, older forms): taken as is.
  }
  return null;
}

function firstLine(raw: FormInput): string {
  return singleLine(raw) ?? "";
}

export function isLinkedValueBlank(value: LinkedDropDownValue | null): boolean {
  return value === null || (value.primary.trim() === "" && value.secondary.trim() === "");
}

export const linkedDropDownList: TypeDeChampDefinition<LinkedDropDownListOptions, LinkedDropDownValue, "linked_drop_down_list"> =
  {
    type: "linked_drop_down_list",
    category: "choice",
    hasValue: true,
    optionsSchema: linkedDropDownListOptionsSchema,
    defaultOptions: (locale) => ({
      options: [
        {
          primary: translate(locale, "champs.linkedDropDownList.defaultOptions.primary"),
          secondaries: [
            translate(locale, "champs.linkedDropDownList.defaultOptions.firstSecondary"),
            translate(locale, "champs.linkedDropDownList.defaultOptions.secondSecondary"),
          ],
        },
      ],
    }),
    valueSchema: linkedValueSchema,

    // Lenient: values are kept as chosen; submission checks they belong to the tree. Without
    // JavaScript a secondary choice brings its primary when none was chosen.
    parseFormInput: (raw, _options, part) => {
      let primary = firstLine(raw);
      const secondaryRaw = firstLine(part?.("secondary"));
      const pair = parseSecondaryOption(secondaryRaw);
      const secondary = pair ? pair.secondary : secondaryRaw;
      // A secondary chosen under another primary is kept: submission reports the mismatch.
      if (pair && primary === "") primary = pair.primary;
      return primary === "" && secondary === "" ? null : { primary, secondary };
    },

    validateForSubmit: (value, descriptor) => {
      if (value === null || value.primary.trim() === "") {
        if (value !== null && value.secondary.trim() !== "") return champError("invalid_option", descriptor);
        return requiredError(true, descriptor);
      }
      const secondaries = secondariesOf(descriptor.options.options, value.primary);
      if (secondaries === null) return champError("invalid_option", descriptor);
      if (value.secondary === "") {
        return descriptor.mandatory && secondaries.length > 0 ? champError("linked_secondary_required", descriptor) : null;
      }
      return secondaries.includes(value.secondary) ? null : champError("linked_secondary_mismatch", descriptor);
    },

    isBlank: isLinkedValueBlank,
    displayValue: (value) => {
      if (value === null) return "";
      return [value.primary, value.secondary].filter((part) => part !== "").join(" / ");
    },
    stringValue: (value) => {
      if (isLinkedValueBlank(value) || value === null) return null;
      return [value.primary, value.secondary].filter((part) => part !== "").join(" / ");
    },

    graphqlTypename: "LinkedDropDownListChamp",
    graphqlDescriptorTypename: "LinkedDropDownListChampDescriptor",
    estimatedFillDuration: FILL_DURATION.short,

    // Not prefillable in the reference.
    prefill: () => null,

    prefillFormat: null,
    conditionValueType: "unmanaged",
    casts: {},
    // The primary choice; the secondary one is the companion input `champ_<key>__secondary`.
    sampleFormInput: (options) => options.options[0]?.primary ?? "",
  };
