import type { Translation } from "../../types";
import type fr from "../fr/champs";

export default {
  errors: {
    required: "The field “{libelle}” must be filled in",
    invalid_value: "The field “{libelle}” contains an invalid value",
    invalid_integer: "The field “{libelle}” must be a whole number, without decimals or letters",
    invalid_date: "The field “{libelle}” is not a valid date",
    invalid_option: "The field “{libelle}” must be one of the proposed choices",
    too_long: "The field “{libelle}” must not exceed {max} characters",
    misconfigured: "The field “{libelle}” is misconfigured and cannot be checked: please contact the procedure’s administration",
  },
  yesNo: {
    true: "Yes",
    false: "No",
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
