import type { Translation } from "../../types";
import type fr from "../fr/champs";

export default {
  errors: {
    required: "The field “{libelle}” must be filled in",
    invalid_value: "The field “{libelle}” contains an invalid value",
    invalid_integer: "The field “{libelle}” must be a whole number, without decimals or letters",
    invalid_date: "The field “{libelle}” is not a valid date",
    invalid_decimal: "The field “{libelle}” must be a number with at most 3 decimal places",
    invalid_datetime: "The field “{libelle}” is not a valid date and time",
    invalid_email: "The field “{libelle}” is not a valid e-mail address (example: address@mail.com)",
    invalid_phone: "The field “{libelle}” is not a valid phone number (example: 06 12 34 56 78 or +32 2 123 45 67)",
    invalid_iban: "The field “{libelle}” is not a valid IBAN",
    invalid_siret: "The field “{libelle}” must be a valid 14-digit SIRET number",
    invalid_option: "The field “{libelle}” must be one of the proposed choices",
    too_long: "The field “{libelle}” must not exceed {max} characters",
    misconfigured: "The field “{libelle}” is misconfigured and cannot be checked: please contact the procedure’s administration",
  },
  yesNo: {
    true: "Yes",
    false: "No",
  },
  civilite: {
    monsieur: "Mr",
    madame: "Ms",
  },
  datetime: {
    format: "{date} at {time}",
  },
  multipleDropDownList: {
    selectHint: "Hold down the Ctrl (or Cmd) key to choose several options.",
  },
  dropDownList: {
    other: "Other",
    defaultOptions: {
      first: "First choice",
      second: "Second choice",
    },
  },
  types: {
    header_section: "Section title",
    text: "Short text",
    textarea: "Long text",
    integer_number: "Whole number",
    date: "Date",
    yes_no: "Yes/No",
    drop_down_list: "Single choice",
    decimal_number: "Decimal number",
    datetime: "Date and time",
    checkbox: "Single checkbox",
    multiple_drop_down_list: "Multiple choice",
    civilite: "Title (Mr/Ms)",
    email: "E-mail address",
    phone: "Phone number",
    iban: "IBAN",
    siret: "SIRET number",
  },
  categories: {
    structure: "Structure",
    etat_civil: "Personal details",
    localisation: "Location",
    paiement_identification: "Payment and identification",
    standard: "Standard",
    pieces_jointes: "Attachments",
    choice: "Choice from a list",
    referentiel_externe: "External data",
  },
} satisfies Translation<typeof fr>;
