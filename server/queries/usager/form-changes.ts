/**
 * The form changes a usager has not acknowledged yet: from the revision they last saw to the one
 * their dossier is on now (both kept: revisions are never edited once published).
 */
import type { DbOrTx } from "../../db/client";
import { usagerFormChanges, type UsagerFormChanges } from "../../domain/revisions/usager-changes";
import { loadRevisionSnapshot } from "../../lookups/revision-snapshot";

export async function loadUsagerFormChanges(
  db: DbOrTx,
  dossier: { revisionId: number; rebasedFromRevisionId: number | null },
): Promise<UsagerFormChanges | null> {
  if (dossier.rebasedFromRevisionId === null || dossier.rebasedFromRevisionId === dossier.revisionId) return null;
  const seen = await loadRevisionSnapshot(db, dossier.rebasedFromRevisionId);
  const current = await loadRevisionSnapshot(db, dossier.revisionId);
  return usagerFormChanges(seen, current);
}
