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
    repasser_en_construction_with_pending_correction: "Repasser en construction (correction demandée)",
  },
  transitionErrors: {
    invalid_transition: "Cette action n’est pas possible dans l’état actuel du dossier",
    motivation_required: "La motivation est obligatoire",
    motivation_too_long: "La motivation ne doit pas dépasser {max} caractères",
    ineligible: "Vous ne pouvez pas déposer ce dossier : il ne remplit pas les conditions d’éligibilité de la démarche",
    procedure_closed: "Cette démarche est close : il n’est plus possible d’y déposer un dossier",
    annotations_incompletes:
      "Complétez les annotations privées avant de terminer l’instruction ; à remplir ou à corriger : {champs}",
  },
} as const;
