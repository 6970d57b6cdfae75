/**
 * How each field of a form is prefilled, for the integrators' page /preremplir/<path>: whether it
 * accepts prefill, the closed list of accepted values when there is one, and an example value — the
 * `prefillFormat` of its type (server/domain/champs/types), whose examples the tests check against
 * the type's own `prefill`. Pure: examples in words come from the translations.
 */
import { translate } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { ChampDescriptor, JsonValue } from "../champs/definition";
import { getTypeDeChamp, isTypeChamp, resolveOptions } from "../champs/registry";
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

/** The field's options as its type reads them; null when they do not parse (the field is then not prefillable). */
function parsedOptions(field: ChampDescriptor): unknown {
  const resolved = isTypeChamp(field.type) ? resolveOptions(field) : null;
  return resolved?.ok ? resolved.options : null;
}

/** The prefill documentation of one field (and of its children for a block). */
export function describePrefillField(field: ChampDescriptor, locale: Locale): PrefillFieldDoc {
  const key = prefillKeyOf(champId(field.stableId));
  const base = { stableId: field.stableId, libelle: field.libelle, type: field.type, key };
  if (field.type === "repetition") {
    const children = (field.children ?? []).map((child) => describePrefillField(child, locale));
    const row: Record<string, JsonValue> = {};
    for (const child of children) if (child.prefillable && child.example !== null) row[child.key] = child.example;
    const prefillable = Object.keys(row).length > 0;
    return { ...base, prefillable, choices: null, otherAccepted: false, example: prefillable ? [row] : null, children };
  }
  const format = isTypeChamp(field.type) ? getTypeDeChamp(field.type).prefillFormat : null;
  const options = parsedOptions(field);
  // Unusable options: `prefillChampValue` drops every value of the field, so it is not prefillable.
  if (!format || options === null) {
    return { ...base, prefillable: false, choices: null, otherAccepted: false, example: null, children: [] };
  }
  const choices = format.choices(options);
  return {
    ...base,
    prefillable: true,
    choices: choices?.values ?? null,
    otherAccepted: choices?.other ?? false,
    example: format.example(options, (name) => translate(locale, `prefill.examples.${name}`)),
    children: [],
  };
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
