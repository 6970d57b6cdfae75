/**
 * « Dupliquer » a dossier (the reference's user clone, ds-behaviour §2.2 « Clone »), pure: which
 * values of the source are copied into the new brouillon of the démarche's current published
 * revision. A value is copied when its field (stable id) still exists in that revision with the
 * same type; repetition blocks keep their rows. Files (pièces justificatives, titres d'identité)
 * are NOT copied, unlike the reference: a new dossier asks for its documents again, and an identity
 * document is never silently reused. Annotations privées are never copied (only the main stream).
 */
import { getTypeDeChamp, isTypeChamp } from "../champs/registry";

export interface DuplicableField {
  stableId: number;
  type: string;
}

/** The (stable id, type) pairs of the revision whose values the duplicate copies. */
export function duplicableFields(fields: readonly DuplicableField[]): DuplicableField[] {
  return fields.filter((f) => {
    if (f.type === "repetition") return true;
    if (!isTypeChamp(f.type)) return false;
    const definition = getTypeDeChamp(f.type);
    return definition.hasValue && definition.writtenByForm !== false;
  });
}
