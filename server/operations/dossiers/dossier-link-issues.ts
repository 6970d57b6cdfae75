/**
 * The database half of `dossier_link` validation: a visible, well-formed number must name a
 * submitted dossier (see server/lookups/linked-dossiers.ts). Run after the pure validation, on what
 * submission (or a save en construction) is about to accept.
 */
import type { ChampDescriptor } from "../../domain/champs/definition";
import { champError } from "../../domain/champs/errors";
import { dossierNumberOf } from "../../domain/champs/types/dossier_link";
import type { ChampValidationIssue } from "../../domain/champs/validate-dossier";
import type { ChampKey } from "../../domain/form/keys";
import { fieldInstances } from "../../domain/form/tree";
import type { DbOrTx } from "../../db/client";
import { findLinkableDossier } from "../../lookups/linked-dossiers";

export async function dossierLinkIssues(
  db: DbOrTx,
  tree: readonly ChampDescriptor[],
  values: ReadonlyMap<ChampKey, unknown>,
  hidden: ReadonlySet<ChampKey>,
  options: { fromTestDossier: boolean; alreadyInvalid: ReadonlySet<ChampKey> },
): Promise<ChampValidationIssue[]> {
  const issues: ChampValidationIssue[] = [];
  for (const { descriptor, key } of fieldInstances(tree, values)) {
    if (descriptor.type !== "dossier_link" || hidden.has(key) || options.alreadyInvalid.has(key)) continue;
    const raw = values.get(key);
    const number = dossierNumberOf(typeof raw === "string" ? raw : null);
    if (number === null) continue;
    const { linkable } = await findLinkableDossier(db, number, { fromTestDossier: options.fromTestDossier });
    if (!linkable)
      issues.push({ key, stableId: descriptor.stableId, error: champError("dossier_not_found", descriptor, { number }) });
  }
  return issues;
}
