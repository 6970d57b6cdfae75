/**
 * A dossier's form as pages show it: the field tree (only what a page needs of each field), the
 * stored values keyed by `ChampKey`, and which occurrences the conditions hide. Shared by the
 * usager's and the instructeur's pages so both see the same fields.
 */
import type { Locale } from "../../common/i18n/types";
import type { ChampDescriptor } from "../domain/champs/definition";
import { getTypeDeChamp, usableOptions } from "../domain/champs/registry";
import { readChampValue } from "../domain/champs/validate-dossier";
import type { ChampStream } from "../domain/dossier/streams";
import { formValuesOf } from "../domain/form/annotations";
import { parseChampKey } from "../domain/form/keys";
import { allFields, fieldInstances } from "../domain/form/tree";
import { hiddenKeys } from "../domain/form/visibility";
import type { DbOrTx } from "../db/client";
import { loadChampValues } from "../db/champ-values";
import { loadIneligibility, loadRevisionForm } from "../db/revisions";

/**
 * What a page needs of each field (not the revision's internal ids), children included, with its
 * options already parsed by its type (`usableOptions`): the field components render them as they
 * are, so the browser needs no schema (decision 0014).
 */
export function pageDescriptors(tree: readonly ChampDescriptor[]): ChampDescriptor[] {
  return tree.map((c) => ({
    stableId: c.stableId,
    type: c.type,
    libelle: c.libelle,
    description: c.description,
    mandatory: c.mandatory,
    options: usableOptions(c),
    condition: c.condition ?? null,
    ...(c.children ? { children: pageDescriptors(c.children) } : {}),
  }));
}

/**
 * Values as the field components take them: each read with its field's type (`readChampValue`), a
 * value not of the type's shape (written under another type, corrupted) becoming null — the page
 * shows the field empty, as it did when the browser checked the shape itself. Keys of no field of
 * `tree` are left out.
 */
export function pageValues(tree: readonly ChampDescriptor[], values: Readonly<Record<string, unknown>>) {
  const byStableId = new Map(allFields(tree).map((field) => [field.stableId, field]));
  const read: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const descriptor = byStableId.get(parseChampKey(key)?.stableId ?? Number.NaN);
    if (!descriptor) continue;
    const result = readChampValue(descriptor, raw);
    read[key] = result.ok ? result.value : null;
  }
  return read;
}

/**
 * Each field occurrence's `displayValue` in `locale` ("" for blank values and layout fields), for
 * the read-only lists (`ChampDisplayList` takes them as `texts`): the type modules stay on the server.
 * `tree` and `values` as `pageDescriptors` and `pageValues` give them.
 */
export function displayTexts(
  tree: readonly ChampDescriptor[],
  values: Readonly<Record<string, unknown>>,
  locale: Locale,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const { descriptor, key } of fieldInstances(tree, new Map(Object.entries(values)))) {
    const definition = getTypeDeChamp(descriptor.type);
    const text = definition.hasValue ? definition.displayValue(values[key] ?? null, descriptor.options, locale) : "";
    if (text !== "") texts[key] = text;
  }
  return texts;
}

/** A form view (`descriptors`, `values`) with the display texts of its read-only list in `locale`. */
export function withDisplayTexts<V extends { descriptors: ChampDescriptor[]; values: Record<string, unknown> }>(
  view: V,
  locale: Locale,
): V & { texts: Record<string, string> } {
  return { ...view, texts: displayTexts(view.descriptors, view.values, locale) };
}

/** `stream`: `main` (what the administration sees) unless the usager's pages show their buffer. */
export async function loadFormView(
  db: DbOrTx,
  revisionId: number,
  dossierId: number,
  options: { private?: boolean; stream?: ChampStream } = {},
) {
  const tree = await loadRevisionForm(db, revisionId, options);
  const stored = await loadChampValues(db, dossierId, tree, options.stream);
  // Only this list's values: the usager's pages must never carry an annotation privée.
  const values: Record<string, unknown> = Object.fromEntries(formValuesOf(tree, stored));
  const hidden = [...hiddenKeys(tree, stored)];
  return { descriptors: pageDescriptors(tree), values: pageValues(tree, values), hidden };
}

/** The revision's ineligibility rules as the usager's form evaluates them live (null when disabled). */
export async function loadIneligibilityView(db: DbOrTx, revisionId: number) {
  const rules = await loadIneligibility(db, revisionId);
  return rules?.enabled ? rules : null;
}
