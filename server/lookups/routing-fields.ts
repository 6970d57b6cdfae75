import type { DbOrTx } from "../db/client";
import { loadRevisionChamps } from "../db/revisions";

/** The fields routing rules read: the top-level public fields of the draft (else published) revision. */
export async function routingFields(
  db: DbOrTx,
  demarche: { draftRevisionId: number | null; publishedRevisionId: number | null },
) {
  const revisionId = demarche.draftRevisionId ?? demarche.publishedRevisionId;
  if (revisionId === null) return [];
  return (await loadRevisionChamps(db, revisionId)).filter((f) => f.parentStableId === null);
}
