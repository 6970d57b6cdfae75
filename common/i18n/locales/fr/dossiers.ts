export default {
  states: {
    brouillon: "Brouillon",
    en_construction: "En construction",
    en_instruction: "En instruction",
    accepte: "Accepté",
    refuse: "Refusé",
    sans_suite: "Classé sans suite",
  },
  events: {
    passer_en_construction: "Déposer le dossier",
    passer_en_instruction: "Passer en instruction",
    repasser_en_construction: "Repasser en construction",
    accepter: "Accepter",
    refuser: "Refuser",
    classer_sans_suite: "Classer sans suite",
    repasser_en_instruction: "Repasser en instruction",
    deposer_modifications: "Déposer les modifications",
    repasser_en_construction_with_pending_correction: "Repasser en construction (correction demandée)",
    passer_automatiquement_en_instruction: "Passer automatiquement en instruction",
    accepter_automatiquement: "Accepter automatiquement",
    refuser_automatiquement: "Refuser automatiquement",
  },
  /** Fixed texts of the special procedures (the SVR refusal's motivation, in the usager's language). */
  special: {
    svrMotivation:
      "Faute de réponse de l’administration dans le délai prévu, votre demande est rejetée en application du principe « silence vaut rejet ».",
  },
  transitionErrors: {
    invalid_transition: "Cette action n’est pas possible dans l’état actuel du dossier",
    motivation_required: "La motivation est obligatoire",
    motivation_too_long: "La motivation ne doit pas dépasser {max} caractères",
    ineligible: "Vous ne pouvez pas déposer ce dossier : il ne remplit pas les conditions d’éligibilité de la démarche",
    procedure_closed: "Cette démarche est close : il n’est plus possible d’y déposer un dossier",
    etablissement_incomplet:
      "Les informations de l’établissement (SIRET) n’ont pas encore été récupérées auprès d’API Entreprise : la décision sera possible dès leur arrivée",
    annotations_incompletes:
      "Complétez les annotations privées avant de terminer l’instruction ; à remplir ou à corriger : {champs}",
  },
  /** Payload errors of the GraphQL API (its clients read them in French, as the reference words them). */
  api: {
    // The reference's sentences, word for word (its « grope » included): clients match on them.
    groupe_already_assigned: "Le dossier est déjà avec le grope instructeur: '{label}'",
    groupe_other_demarche: "Le groupe instructeur '{label}' n’appartient pas à la même démarche que le dossier",
    invalid_emails: "Ces adresses ne sont pas valides et n’ont pas été ajoutées : {emails}",
    read_only_token: "Le jeton utilisé est configuré seulement en lecture",
    instructeur_without_access: "L’instructeur n’a pas les droits d’accès à ce dossier",
    blob_invalid: "L’identifiant du fichier téléversé est invalide",
    blob_not_uploaded: "Le fichier n’a pas été correctement téléversé sur le serveur de stockage",
    blob_too_large: "Le fichier téléversé dépasse la taille autorisée ({max})",
    annotation_not_found: 'L’annotation "{id}" n’existe pas',
    repetition_unsupported: 'L’annotation "{id}" est répétable : ajoutez ses lignes avec dossierModifierAnnotationAjouterLigne',
    label_unknown: "Ce label n’existe pas sur la démarche du dossier",
    label_already_added: "Ce label est déjà associé au dossier",
    label_not_on_dossier: "Ce label n’est pas associé au dossier",
    refused: "La demande a été refusée ({code})",
  },
} as const;
