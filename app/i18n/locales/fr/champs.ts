export default {
  errors: {
    required: "Le champ « {libelle} » doit être rempli",
    invalid_value: "Le champ « {libelle} » contient une valeur invalide",
    invalid_integer: "Le champ « {libelle} » doit être un nombre entier, sans virgule ni lettre",
    invalid_date: "Le champ « {libelle} » n’est pas une date valide",
    invalid_option: "Le champ « {libelle} » doit correspondre à l’un des choix proposés",
    too_long: "Le champ « {libelle} » ne doit pas dépasser {max} caractères",
    misconfigured:
      "Le champ « {libelle} » est mal configuré et ne peut pas être vérifié : contactez l’administration de la démarche",
  },
  yesNo: {
    true: "Oui",
    false: "Non",
  },
  dropDownList: {
    other: "Autre",
    defaultOptions: {
      first: "Premier choix",
      second: "Deuxième choix",
    },
  },
  types: {
    header_section: "Titre de section",
    text: "Texte court",
    textarea: "Texte long",
    integer_number: "Nombre entier",
    date: "Date",
    yes_no: "Oui/Non",
    drop_down_list: "Choix simple",
  },
  categories: {
    structure: "Structure",
    etat_civil: "État-civil",
    localisation: "Localisation",
    paiement_identification: "Paiement et identification",
    standard: "Standard",
    pieces_jointes: "Pièces jointes",
    choice: "Choix parmi une liste",
    referentiel_externe: "Données externes",
  },
} as const;
