/** Builders shared by the revisions unit tests (not imported by production code). */
import type { RevisionField, RevisionIneligibilite, RevisionSnapshot } from "./diff";

export const NO_RULES: RevisionIneligibilite = { enabled: false, message: null, rules: null };

/** A mandatory top-level text field of the usager's form, « Champ <stableId> », unless overridden. */
export function revisionField(stableId: number, overrides: Partial<RevisionField> = {}): RevisionField {
  return {
    stableId,
    type: "text",
    libelle: `Champ ${stableId}`,
    description: null,
    mandatory: true,
    private: false,
    options: {},
    condition: null,
    parentStableId: null,
    ...overrides,
  };
}

export function revisionSnapshot(fields: RevisionField[], ineligibilite: RevisionIneligibilite = NO_RULES): RevisionSnapshot {
  return { fields, ineligibilite };
}
