/**
 * How each field type is prefilled, for the integrators' page /preremplir/<path>: whether the type
 * accepts prefill, the closed list of accepted values when there is one, and an example value that
 * the type's own `prefill` accepts (checked by the tests for every registered type). Keyed by the
 * reference's type names, including types not registered yet, so that a new type finds its entry.
 * Pure: examples in words come from the translations.
 */
import { translate } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { ChampDescriptor, JsonValue } from "../champs/definition";
import { isTypeChamp, resolveOptions } from "../champs/registry";
import { champId } from "../form/champ-id";
import { prefillKeyOf } from "./params";

export interface PrefillFieldDoc {
  stableId: number;
  libelle: string;
  type: string;
  /** `champ_<field id>`, the key of the URL parameter or JSON property. */
  key: string;
  prefillable: boolean;
  /** Accepted values when they form a closed list (options, civilités). */
  choices: string[] | null;
  /** Any text is accepted besides `choices` (drop-down list with "Autre"). */
  otherAccepted: boolean;
  example: JsonValue | null;
  /** Children of a repetition block. */
  children: PrefillFieldDoc[];
}

type Example = (options: Record<string, unknown>, locale: Locale) => JsonValue;

const fixed =
  (value: JsonValue): Example =>
  () =>
    value;

function optionList(options: Record<string, unknown>): string[] {
  const list = options.options;
  return Array.isArray(list) ? list.filter((o): o is string => typeof o === "string") : [];
}

/** Example value of each prefillable type (reference formats, `ds-behaviour.md` §6.2). */
const EXAMPLES: Record<string, Example> = {
  text: (_, locale) => translate(locale, "prefill.examples.text"),
  textarea: (_, locale) => translate(locale, "prefill.examples.textarea"),
  formatted: (options, locale) =>
    typeof options.example === "string" && options.example !== "" ? options.example : translate(locale, "prefill.examples.text"),
  integer_number: fixed("42"),
  decimal_number: fixed("49.3"),
  date: fixed("2023-02-01"),
  datetime: fixed("2023-02-01T10:30"),
  yes_no: fixed("true"),
  checkbox: fixed("true"),
  civilite: fixed("M."),
  email: fixed("adresse@mail.com"),
  phone: fixed("0612345678"),
  iban: fixed("FR7630006000011234567890189"),
  siret: fixed("13002526500013"),
  pays: fixed("FR"),
  regions: fixed("53"),
  departements: fixed("56"),
  communes: fixed(["56000", "56260"]),
  epci: fixed(["56", "200067932"]),
  address: fixed("2 Rue de la Paix 75002 Paris"),
  dossier_link: fixed("42"),
  drop_down_list: (options) => optionList(options)[0] ?? "",
  multiple_drop_down_list: (options) => optionList(options).slice(0, 2),
};

/** Types whose values cannot be prefilled (files, external lookups, layout, linked menus). */
export const NOT_PREFILLABLE = new Set([
  "header_section",
  "explication",
  "piece_justificative",
  "titre_identite",
  "linked_drop_down_list",
  "carte",
  "rna",
  "rnf",
  "annuaire_education",
  "cnaf",
  "dgfip",
  "pole_emploi",
  "mesri",
  "cojo",
  "engagement_juridique",
  "referentiel",
]);

/** Whether a type has an entry here (every registered type must: see the tests). */
export function hasPrefillFormat(type: string): boolean {
  return type === "repetition" || NOT_PREFILLABLE.has(type) || type in EXAMPLES;
}

function parsedOptions(field: ChampDescriptor): Record<string, unknown> {
  const resolved = isTypeChamp(field.type) ? resolveOptions(field) : { ok: false as const };
  return resolved.ok && resolved.options && typeof resolved.options === "object"
    ? (resolved.options as Record<string, unknown>)
    : {};
}

function choicesOf(field: ChampDescriptor, options: Record<string, unknown>): string[] | null {
  if (field.type === "civilite") return ["M.", "Mme"];
  if (field.type === "yes_no" || field.type === "checkbox") return ["true", "false"];
  if (field.type === "drop_down_list" || field.type === "multiple_drop_down_list") return optionList(options);
  return null;
}

/** The prefill documentation of one field (and of its children for a block). */
export function describePrefillField(field: ChampDescriptor, locale: Locale): PrefillFieldDoc {
  const options = parsedOptions(field);
  const base = {
    stableId: field.stableId,
    libelle: field.libelle,
    type: field.type,
    key: prefillKeyOf(champId(field.stableId)),
    choices: choicesOf(field, options),
    otherAccepted: field.type === "drop_down_list" && options.other === true,
  };
  if (field.type === "repetition") {
    const children = (field.children ?? []).map((child) => describePrefillField(child, locale));
    const row: Record<string, JsonValue> = {};
    for (const child of children) if (child.prefillable && child.example !== null) row[child.key] = child.example;
    const prefillable = Object.keys(row).length > 0;
    return { ...base, prefillable, example: prefillable ? [row] : null, children };
  }
  const example = EXAMPLES[field.type];
  if (!example || NOT_PREFILLABLE.has(field.type)) return { ...base, prefillable: false, example: null, children: [] };
  return { ...base, prefillable: true, example: example(options, locale), children: [] };
}

/** Documentation of every field of a form tree, in form order. */
export function describePrefillFields(tree: readonly ChampDescriptor[], locale: Locale): PrefillFieldDoc[] {
  return tree.map((field) => describePrefillField(field, locale));
}

/** The example parameters of the chosen fields, as a JSON body (and, encoded, a URL query). */
export function examplePrefillParams(
  docs: readonly PrefillFieldDoc[],
  chosen: ReadonlySet<number>,
  identity: Record<string, string> | null,
): Record<string, JsonValue> {
  const params: Record<string, JsonValue> = {};
  for (const doc of docs) {
    if (doc.prefillable && doc.example !== null && chosen.has(doc.stableId)) params[doc.key] = doc.example;
  }
  if (identity) Object.assign(params, identity);
  return params;
}

/** A URL query with the reference's array conventions (`k[]=a`, `k[][child]=v`). */
export function prefillQueryString(params: Record<string, JsonValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!Array.isArray(value)) {
      search.append(key, scalarText(value));
      continue;
    }
    // Rows holding lists cannot be written with one level of brackets: the block goes as JSON text.
    if (value.some((item) => isObject(item) && Object.values(item).some(Array.isArray))) {
      search.append(key, JSON.stringify(value));
      continue;
    }
    for (const item of value) {
      if (isObject(item)) {
        for (const [child, childValue] of Object.entries(item)) search.append(`${key}[][${child}]`, scalarText(childValue));
      } else {
        search.append(`${key}[]`, scalarText(item));
      }
    }
  }
  return search.toString();
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function scalarText(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
