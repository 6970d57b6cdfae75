/** Loading and answering the dossier forms (brouillon and modification). */

/** Identity as the forms show it. */
export function identityOf(dossier: { civilite: "M." | "Mme" | null; nom: string | null; prenom: string | null }) {
  return { civilite: dossier.civilite, nom: dossier.nom, prenom: dossier.prenom };
}

/** A démarche still takes submissions: published, or in test for a test dossier (as applyTransition checks). */
export function acceptsSubmission(demarche: { state: string }, dossier: { forTest: boolean }) {
  return demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon");
}
