/** Loading and answering the dossier forms (brouillon and modification). */
import type { DossierEtablissement } from "../../../server/lookups/etablissement";
import { etablissementName } from "../../../server/domain/entreprises/etablissement";
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import { redirect } from "react-router";
import type { PostedDossierForm, saveDossierForm } from "../../../server/operations/dossiers/save-dossier-form";
import { AUTOSAVE_INTENT } from "../../lib/use-autosave";
import { formFieldReader, formString } from "../../lib/request.server";

/** Identity as the forms show it. */
export function identityOf(
  dossier: {
    civilite: "M." | "Mme" | null;
    nom: string | null;
    prenom: string | null;
    forTiers: boolean;
    mandataireFirstName: string | null;
    mandataireLastName: string | null;
  },
  etablissement: DossierEtablissement | null = null,
) {
  return {
    civilite: dossier.civilite,
    nom: dossier.nom,
    prenom: dossier.prenom,
    mandataire: dossier.forTiers ? { prenom: dossier.mandataireFirstName ?? "", nom: dossier.mandataireLastName ?? "" } : null,
    etablissement: etablissement
      ? { siret: etablissement.siret, name: etablissement.data ? etablissementName(etablissement.data) : null }
      : null,
  };
}

/** A démarche still takes submissions: published, or in test for a test dossier (as applyTransition checks). */
export function acceptsSubmission(demarche: { state: string }, dossier: { forTest: boolean }) {
  return demarche.state === "publiee" || (dossier.forTest && demarche.state === "brouillon");
}

/** What a dossier form posted: the button, the fields, and the files the upload layer refused. */
export function postedDossierForm(form: FormData): PostedDossierForm {
  return { intent: formString(form, "intent"), field: formFieldReader(form), uploadErrors: readUploadErrors(form) };
}

type SaveOutcome = Awaited<ReturnType<typeof saveDossierForm>>;

/**
 * The answers both dossier forms give alike: an autosave's result, a brouillon or buffer saved by
 * its button, a repetition row added or removed, and a dossier no longer editable (its page says
 * why). `undefined` for the outcomes each form answers its own way (submitted, invalid…).
 */
export function sharedFormAnswer(result: SaveOutcome, dossierId: number) {
  switch (result.outcome) {
    case "not_editable":
      if (result.intent === AUTOSAVE_INTENT) return { intent: "autosave" as const, ok: false };
      throw redirect(`/dossiers/${dossierId}`);
    case "row": {
      const { values, errors, focusRowId, rowAdded } = result;
      return { intent: "row" as const, values, errors, focusRowId, rowAdded };
    }
    case "saved":
      if (result.intent === AUTOSAVE_INTENT) return { intent: "autosave" as const, ok: true };
      return { intent: "save" as const, values: result.values, errors: result.errors };
    default:
      return undefined;
  }
}
