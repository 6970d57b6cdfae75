/**
 * The annotations privées of a dossier as its instructeur page shows them: the annotation fields of
 * the dossier's revision, their values — only theirs, the usager's answers are shown read-only
 * elsewhere on the page — and which ones their conditions hide. The caller has already found the
 * dossier in the instructeur's scope.
 */
import { annotationVisibilityTree, formValuesOf, incompleteAnnotations, keysOfForm } from "../../domain/form/annotations";
import { hiddenKeys } from "../../domain/form/visibility";
import type { DbOrTx } from "../../db/client";
import { loadChampValues } from "../../db/champ-values";
import { loadRevisionForm } from "../../db/revisions";
import { pageDescriptors, pageValues } from "../form-view";

export async function loadDossierAnnotations(db: DbOrTx, dossier: { id: number; revisionId: number }) {
  const [publicTree, privateTree, values] = await Promise.all([
    loadRevisionForm(db, dossier.revisionId),
    loadRevisionForm(db, dossier.revisionId, { private: true }),
    loadChampValues(db, dossier.id),
  ]);
  // Conditions of annotations may read the usager's fields.
  const hidden = hiddenKeys(annotationVisibilityTree(publicTree, privateTree), values);
  const own = formValuesOf(privateTree, values);
  return {
    descriptors: pageDescriptors(privateTree),
    /** Values by ChampKey (object keys), annotations only. */
    values: pageValues(privateTree, Object.fromEntries(own)),
    /** Annotation occurrences hidden by their conditions (rendered hidden, as in the usager's form). */
    hidden: keysOfForm(privateTree, hidden),
    /** Libellés of the annotations to fill or correct before a final decision (`can_terminer?`). */
    incomplete: incompleteAnnotations(publicTree, privateTree, values, hidden),
  };
}
