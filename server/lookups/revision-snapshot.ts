/**
 * A revision's form as the revision diff and the usage guards read it: every field (public list,
 * then annotations; repetition children after their block, with its stable id) with its
 * condition, and the ineligibility rules.
 */
import type { DbOrTx } from "../db/client";
import { templateFilesByContent } from "../db/file-templates";
import { loadIneligibility, loadRevisionChamps, type RevisionChamp } from "../db/revisions";
import type { RevisionField, RevisionSnapshot } from "../domain/revisions/diff";
import { NotFoundError } from "../errors";

function toField(champ: RevisionChamp): RevisionField {
  return {
    stableId: champ.stableId,
    type: champ.type,
    libelle: champ.libelle,
    description: champ.description,
    mandatory: champ.mandatory,
    private: champ.private,
    // A model file is compared by content: copy-on-write copies have other ids.
    options: templateFilesByContent(champ.type, champ.options),
    condition: champ.condition ?? null,
    parentStableId: champ.parentStableId,
  };
}

export async function loadRevisionSnapshot(db: DbOrTx, revisionId: number): Promise<RevisionSnapshot> {
  const ineligibilite = await loadIneligibility(db, revisionId);
  if (!ineligibilite) throw new NotFoundError("Revision");
  const publicFields = await loadRevisionChamps(db, revisionId);
  const annotations = await loadRevisionChamps(db, revisionId, { private: true });
  return {
    fields: [...publicFields, ...annotations].map(toField),
    ineligibilite: { enabled: ineligibilite.enabled, message: ineligibilite.message, rules: ineligibilite.rules ?? null },
  };
}
