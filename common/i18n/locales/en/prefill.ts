import type { Translation } from "../../types";
import type fr from "../fr/prefill";

export default {
  examples: {
    text: "Example short text",
    textarea: "Example long text",
    prenom: "Camille",
    nom: "Dupont",
  },
  formats: {
    text: "Text on one line.",
    textarea: "Text, on several lines if needed.",
    formatted: "Text matching the format the field requires.",
    integer_number: "Whole number, without spaces (example: 42 or -7).",
    decimal_number: "Decimal number, with a dot as separator (example: 49.3).",
    date: "Date formatted YYYY-MM-DD.",
    datetime: "Date and time formatted YYYY-MM-DDTHH:MM.",
    yes_no: "“true” (yes) or “false” (no).",
    checkbox: "“true” (ticked) or “false” (not ticked).",
    civilite: "“M.” or “Mme”.",
    email: "E-mail address.",
    phone: "French phone number (10 digits) or international number (+ followed by the country code).",
    iban: "Valid IBAN (spaces are accepted).",
    siret: "14-digit SIRET number (spaces are accepted).",
    drop_down_list: "One of the field’s options.",
    multiple_drop_down_list: "One of the field’s options, or an array of options.",
    pays: "ISO 3166-1 alpha-2 country code (example: FR).",
    regions: "INSEE code of the region (example: 53).",
    departements: "Code of the département (example: 56).",
    communes: "Array [postal code] or [postal code, INSEE code of the commune].",
    epci: "Array [département code] or [département code, SIREN number of the EPCI].",
    address:
      "Address as the national address database (BAN) writes it; the database is searched when the file is created. An address it does not find, or cannot check at that moment, is kept as sent: the applicant picks it or types it by hand before submitting the file.",
    dossier_link: "Number of a file.",
    repetition:
      "Array of objects, one per item of the block: each object maps the identifier of a field of the block to its value (see the block’s fields below).",
    other: "Value as the applicant would type it.",
    notPrefillable: "This field cannot be prefilled.",
  },
  identity: {
    prenom: "Applicant’s first name",
    nom: "Applicant’s last name",
    civilite: "Applicant’s title",
    textFormat: "Text, 200 characters at most.",
    civiliteFormat: "“M.” or “Mme” (the identite_civilite parameter is accepted too).",
  },
  page: {
    title: "Prefill “{libelle}”",
    heading: "Prefill a file of the procedure “{libelle}”",
    intro:
      "You already hold information about your applicants? Create a prefilled file for each of them, with a link or through the API. The file is created as a draft without an owner: the applicant signs in, finds it, completes it and submits it. A prefilled file nobody has claimed is deleted after 5 days.",
    testWarning: "This procedure is in test: prefilled files are test files, deleted when the procedure is published.",
    fieldsHeading: "Fields of the procedure",
    fieldsCaption: "Fields of the procedure and their prefill format",
    noFields: "This procedure has no field yet.",
    columns: {
      include: "Include in the examples",
      libelle: "Field",
      key: "Prefill identifier",
      type: "Type",
      accepted: "Accepted values",
      example: "Example",
    },
    includeLabel: "Include “{libelle}” in the examples",
    choices: "Possible values ({count}):",
    otherAccepted: "Any other value is accepted too (“Other” choice).",
    blockChildren: "Fields of the block “{libelle}”",
    updateExamples: "Update the examples",
    identityHeading: "Applicant’s identity",
    identityIntro: "The procedure is for individuals: their identity can be prefilled too.",
    linkHeading: "Prefill with a link",
    linkIntro:
      "Give this link to the applicant: their first visit creates a file prefilled with the link’s values. Reloading the page does not create a second file.",
    linkLength: "Link length: {length} characters.",
    linkTooLongTitle: "This link is too long",
    linkTooLong:
      "This link is longer than 2,000 characters: some browsers and e-mail programs may truncate it. Prefill fewer fields per link, or use the API.",
    apiHeading: "Prefill through the API",
    apiIntro:
      "Send the values as JSON, with the header “Content-Type: application/json”. No authentication is required. The response gives the address of the file to give to the applicant.",
    apiRequest: "Request",
    apiResponse: "Response (201 Created)",
    apiStatusIntro:
      "To follow the files created (claimed or not, submitted, processed), query the API with their tokens, separated by commas:",
    schemaHeading: "Description of the procedure as JSON",
    schemaIntro: "The description of the procedure’s fields, in the format of the GraphQL API’s procedure descriptor:",
    schemaLink: "JSON schema of the procedure",
    exampleToken: "TOKEN",
  },
  commencer: {
    title: "A prefilled file is waiting for you",
    anonymous:
      "Information has already been entered for you in a file of this procedure. Sign in or create an account to find it, complete it and submit it.",
    signIn: "Sign in and continue",
    signUp: "Create an account and continue",
    rateLimited: "Too many prefilled files have been created from your address. Try again in {minutes} min.",
  },
} satisfies Translation<typeof fr>;
