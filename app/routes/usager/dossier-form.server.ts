/** Loading and answering the dossier forms (brouillon and modification). */
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import type { RevisionChamp } from "../../../server/db/revisions";

/** What the page needs of each field (not the revision's internal ids). */
export function publicDescriptors(champs: readonly RevisionChamp[]): ChampDescriptor[] {
  return champs.map((c) => ({
    stableId: c.stableId,
    type: c.type,
    libelle: c.libelle,
    description: c.description,
    mandatory: c.mandatory,
    options: c.options,
  }));
}

/** Identity as the forms show it. */
export function identityOf(dossier: { civilite: "M." | "Mme" | null; nom: string | null; prenom: string | null }) {
  return { civilite: dossier.civilite, nom: dossier.nom, prenom: dossier.prenom };
}

/** A démarche still takes submissions: published, or in test for a test dossier (as applyTransition checks). */
export function acceptsSubmission(demarche: { state: string }, dossier: { forTest: boolean }) {
  return demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon");
}
