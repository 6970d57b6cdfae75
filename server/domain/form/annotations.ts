/**
 * Rules of the annotations privées (the instructeurs' own form on a dossier). They are filled
 * little by little during the instruction, so a save checks each value strictly for its type but
 * accepts blanks: as in the reference (`can_terminer?`), a mandatory annotation is only required
 * before a decision. Their conditions may read the usager's fields, so visibility is computed on
 * the public form followed by the annotations.
 */
import type { ChampDescriptor } from "../champs/definition";
import { validateChampsForSubmit } from "../champs/validate-dossier";
import { type ChampKey, parseChampKey } from "./keys";
import { allFields, fieldInstances } from "./tree";
import { hiddenKeys } from "./visibility";

/** The same fields, none mandatory (children of blocks included). */
export function optionalFields(tree: readonly ChampDescriptor[]): ChampDescriptor[] {
  return tree.map((field) => ({
    ...field,
    mandatory: false,
    ...(field.children ? { children: optionalFields(field.children) } : {}),
  }));
}

/** The form whose conditions decide which annotations show: public fields first, then annotations. */
export function annotationVisibilityTree(
  publicTree: readonly ChampDescriptor[],
  privateTree: readonly ChampDescriptor[],
): ChampDescriptor[] {
  return [...publicTree, ...privateTree];
}

/**
 * Only the values of this form's fields (every occurrence): a dossier's values hold both lists, and
 * a page of one list must not carry the other's (the usager never receives an annotation).
 */
export function formValuesOf(tree: readonly ChampDescriptor[], values: ReadonlyMap<ChampKey, unknown>): Map<ChampKey, unknown> {
  const own = new Map<ChampKey, unknown>();
  for (const { key } of fieldInstances(tree, values)) {
    if (values.has(key)) own.set(key, values.get(key));
  }
  return own;
}

/** The keys (e.g. hidden ones) that belong to this form's fields, in the given order. */
export function keysOfForm(tree: readonly ChampDescriptor[], keys: Iterable<ChampKey>): ChampKey[] {
  const ids = new Set(allFields(tree).map((field) => field.stableId));
  return [...keys].filter((key) => ids.has(parseChampKey(key)?.stableId ?? Number.NaN));
}

/**
 * The annotations that block a final decision (`can_terminer?`): visible ones that are mandatory and
 * blank, or invalid for their type. Their libellés, once each, in form order (empty: complete).
 */
export function incompleteAnnotations(
  publicTree: readonly ChampDescriptor[],
  privateTree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey> = hiddenKeys(annotationVisibilityTree(publicTree, privateTree), values),
): string[] {
  const blocking = new Set(validateChampsForSubmit(privateTree, values, hidden).map((issue) => issue.stableId));
  return allFields(privateTree)
    .filter((field) => blocking.has(field.stableId))
    .map((field) => field.libelle);
}
