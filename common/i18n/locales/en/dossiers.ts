import type { Translation } from "../../types";
import type fr from "../fr/dossiers";

export default {
  states: {
    brouillon: "Draft",
    en_construction: "Submitted",
    en_instruction: "Under review",
    accepte: "Accepted",
    refuse: "Rejected",
    sans_suite: "Closed without action",
  },
  events: {
    passer_en_construction: "Submit the application",
    passer_en_instruction: "Start review",
    repasser_en_construction: "Send back to submitted",
    accepter: "Accept",
    refuser: "Reject",
    classer_sans_suite: "Close without action",
    repasser_en_instruction: "Reopen review",
    deposer_modifications: "Submit the changes",
    repasser_en_construction_with_pending_correction: "Send back for correction",
    passer_automatiquement_en_instruction: "Start review automatically",
    accepter_automatiquement: "Accept automatically",
    refuser_automatiquement: "Reject automatically",
  },
  special: {
    svrMotivation:
      "The administration did not answer within the set period: your request is rejected under the “silence means refusal” rule.",
  },
  transitionErrors: {
    invalid_transition: "This action is not possible in the application’s current state",
    motivation_required: "A justification is required",
    motivation_too_long: "The justification must not exceed {max} characters",
    ineligible: "You cannot submit this application: it does not meet the procedure’s eligibility conditions",
    procedure_closed: "This procedure is closed: applications can no longer be submitted",
    etablissement_incomplet:
      "The établissement's data (SIRET) has not been fetched from API Entreprise yet: the decision will be possible once it arrives",
    annotations_incompletes: "Complete the private annotations before closing the instruction; to fill in or correct: {champs}",
  },
  /** Payload errors of the GraphQL API (its clients read them in French, as the reference words them). */
  api: {
    groupe_already_assigned: "The file is already with the groupe instructeur: '{label}'",
    groupe_other_demarche: "The groupe instructeur '{label}' does not belong to the file's procedure",
    invalid_emails: "These addresses are not valid and were not added: {emails}",
    read_only_token: "The token used is read-only",
    instructeur_without_access: "The instructeur has no access to this dossier",
    blob_invalid: "The uploaded file’s identifier is invalid",
    blob_not_uploaded: "The file was not correctly uploaded to the storage server",
    blob_too_large: "The uploaded file is larger than allowed ({max})",
    annotation_not_found: 'The annotation "{id}" does not exist',
    repetition_unsupported: 'The annotation "{id}" is a repetition: add its rows with dossierModifierAnnotationAjouterLigne',
    label_unknown: "This label does not exist on the file's procedure",
    label_already_added: "This label is already on the file",
    label_not_on_dossier: "This label is not on the file",
    refused: "The request was refused ({code})",
  },
} satisfies Translation<typeof fr>;
