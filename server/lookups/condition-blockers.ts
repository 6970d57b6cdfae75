/**
 * What conditions prevent publishing a draft revision: a visibility condition with an error (a
 * field deleted, moved below or changed, a value no longer offered, a row not filled in), or
 * enabled ineligibility rules without message or with an invalid rule. Keys of `admin.publication.errors`;
 * an annotation privée's condition is named as such (`publicationBlocker`).
 */
import type { DbOrTx } from "../db/client";
import { loadIneligibility, loadRevisionChamps } from "../db/revisions";
import { conditionChoiceLists } from "../domain/conditions/choice-lists";
import { annotationConditionScope, fieldsWithInvalidCondition, ineligibiliteProblems } from "../domain/conditions/editor";
import { type FieldListBlocker, publicationBlocker } from "../domain/revisions/form-lists";

export async function conditionBlockers(
  db: DbOrTx,
  revisionId: number,
): Promise<Array<FieldListBlocker | "ineligibilite_invalid">> {
  const lists = conditionChoiceLists("fr");
  // One after the other: inside a transaction they share one connection.
  const publicFields = await loadRevisionChamps(db, revisionId);
  const privateFields = await loadRevisionChamps(db, revisionId, { private: true });
  const ineligibilite = await loadIneligibility(db, revisionId);
  const blockers: Array<FieldListBlocker | "ineligibilite_invalid"> = [];
  if (fieldsWithInvalidCondition(publicFields, lists).length > 0) {
    blockers.push(publicationBlocker("champs", "condition_invalid"));
  }
  if (fieldsWithInvalidCondition(annotationConditionScope(publicFields, privateFields), lists).length > 0) {
    blockers.push(publicationBlocker("annotations", "condition_invalid"));
  }
  if (ineligibilite && ineligibiliteProblems(ineligibilite, publicFields, lists).length > 0)
    blockers.push("ineligibilite_invalid");
  return blockers;
}
