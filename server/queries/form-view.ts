/**
 * A dossier's form as pages show it: the field tree (only what a page needs of each field), the
 * stored values keyed by `ChampKey`, and which occurrences the conditions hide. Shared by the
 * usager's and the instructeur's pages so both see the same fields.
 */
import type { ChampDescriptor } from "../domain/champs/definition";
import type { ChampStream } from "../domain/dossier/streams";
import { formValuesOf } from "../domain/form/annotations";
import { hiddenKeys } from "../domain/form/visibility";
import type { DbOrTx } from "../db/client";
import { loadChampValues } from "../db/champ-values";
import { loadIneligibility, loadRevisionForm } from "../db/revisions";

/** What a page needs of each field (not the revision's internal ids), children included. */
export function pageDescriptors(tree: readonly ChampDescriptor[]): ChampDescriptor[] {
  return tree.map((c) => ({
    stableId: c.stableId,
    type: c.type,
    libelle: c.libelle,
    description: c.description,
    mandatory: c.mandatory,
    options: c.options,
    condition: c.condition ?? null,
    ...(c.children ? { children: pageDescriptors(c.children) } : {}),
  }));
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
  return { descriptors: pageDescriptors(tree), values, hidden };
}

/** The revision's ineligibility rules as the usager's form evaluates them live (null when disabled). */
export async function loadIneligibilityView(db: DbOrTx, revisionId: number) {
  const rules = await loadIneligibility(db, revisionId);
  return rules?.enabled ? rules : null;
}
