/** Loading and answering the dossier forms (brouillon and modification). */
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import type { PostedDossierForm } from "../../../server/operations/dossiers/save-dossier-form";
import { formFieldReader, formString } from "../../lib/request.server";

/** Identity as the forms show it. */
export function identityOf(dossier: { civilite: "M." | "Mme" | null; nom: string | null; prenom: string | null }) {
  return { civilite: dossier.civilite, nom: dossier.nom, prenom: dossier.prenom };
}

/** A démarche still takes submissions: published, or in test for a test dossier (as applyTransition checks). */
export function acceptsSubmission(demarche: { state: string }, dossier: { forTest: boolean }) {
  return demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon");
}

/** What a dossier form posted: the button, the fields, and the files the upload layer refused. */
export function postedDossierForm(form: FormData): PostedDossierForm {
  return { intent: formString(form, "intent"), field: formFieldReader(form), uploadErrors: readUploadErrors(form) };
}
