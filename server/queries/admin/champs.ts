import type { Db } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { buildFormTree } from "../../domain/form/tree";
import type { ChampCategory, TypeChamp } from "../../domain/champs/definition";
import { TYPES_CHAMP } from "../../domain/champs/definition";
import { getTypeDeChamp } from "../../domain/champs/registry";
import { estimatedFillMinutes } from "../../domain/demarches/estimated-fill-duration";
import { type FormList, isTypeOfferedIn } from "../../domain/revisions/form-lists";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { NotFoundError } from "../../errors";
import { draftChanged } from "./demarches";

/** Editor order of the categories, as the reference's type select. */
const CATEGORY_ORDER: ChampCategory[] = [
  "structure",
  "etat_civil",
  "localisation",
  "paiement_identification",
  "standard",
  "pieces_jointes",
  "choice",
  "referentiel_externe",
];

/**
 * The types an administrateur can add to a list (the usager's form, or the annotations privées,
 * which offer a few less), grouped by category (empty categories left out).
 */
export function champTypesByCategory(list: FormList = "champs"): Array<{ category: ChampCategory; types: TypeChamp[] }> {
  return CATEGORY_ORDER.map((category) => ({
    category,
    types: TYPES_CHAMP.filter((type) => getTypeDeChamp(type).category === category && isTypeOfferedIn(type, list)),
  })).filter((group) => group.types.length > 0);
}

/**
 * The draft form of a démarche, as the editor and the preview show it; `private: true` gives the
 * annotations privées (the instructeurs' form) instead of the usager's form.
 */
export async function getDraftForm(db: Db, administrateurId: number, demarcheId: number, options: { private?: boolean } = {}) {
  const demarche = await findAdministrableDemarche(db, administrateurId, demarcheId);
  if (!demarche.draftRevisionId) throw new NotFoundError("Revision");
  const champs = (await loadRevisionChamps(db, demarche.draftRevisionId, { private: options.private ?? false })).map((c) => ({
    stableId: c.stableId,
    type: c.type,
    libelle: c.libelle,
    description: c.description,
    mandatory: c.mandatory,
    options: c.options,
    hasValue: getTypeDeChamp(c.type).hasValue,
    parentStableId: c.parentStableId,
    condition: c.condition ?? null,
    conditionMalformed: c.conditionMalformed,
  }));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state, path: demarche.path },
    champs,
    estimatedMinutes: estimatedFillMinutes(buildFormTree(champs)),
    draftChanged: await draftChanged(db, demarche),
  };
}

export type DraftChamp = Awaited<ReturnType<typeof getDraftForm>>["champs"][number];
