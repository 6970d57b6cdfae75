import type { Translation } from "../../types";
import type fr from "../fr/conditions";

export default {
  section: {
    title: "Conditional logic",
    active: "Condition on",
    toFix: "To fix",
    showIf: "Show this field if",
    always: "This field is always shown. Add a condition to show it only depending on the answers given above.",
    noSource:
      "No field above can be used in a condition. Conditions read yes/no, checkbox, number, single or multiple choice and geographic fields.",
    noSourceInBlock:
      "No field above, in this block or before it, can be used in a condition (yes/no, checkbox, number, choice, geography).",
    unreadable: "This condition has a shape the editor cannot show (it was defined elsewhere). Remove it to create a new one.",
    clear: "Remove the condition",
  },
  rows: {
    combinator: "Combine the rules with",
    combinators: {
      "Logic::And": "and: every rule must hold",
      "Logic::Or": "or: at least one rule must hold",
    },
    joins: {
      "Logic::And": "and",
      "Logic::Or": "or",
    },
    rule: "Rule {position}",
    field: "Field",
    operator: "Operator",
    value: "Value",
    chooseField: "Select a field",
    chooseValue: "Select a value",
    unavailableField: "“{libelle}” (not available)",
    deletedField: "Deleted field",
    yes: "Yes",
    no: "No",
    other: "Other",
    numberHint: "A number, for example 12 or 3.5",
    add: "Add a rule",
    remove: "Remove",
    removeSr: "rule {position}",
    save: "Save the condition",
    apply: "Update the choices",
    applyHint: "After changing the field or the operator, update the choices offered.",
    incomplete: "Incomplete rule",
  },
  operators: {
    Eq: "is",
    NotEq: "is not",
    LessThan: "is less than",
    LessThanEq: "is less than or equal to",
    GreaterThan: "is greater than",
    GreaterThanEq: "is greater than or equal to",
    IncludeOperator: "includes",
    ExcludeOperator: "does not include",
    InDepartementOperator: "is in the département",
    NotInDepartementOperator: "is not in the département",
    InRegionOperator: "is in the région",
    NotInRegionOperator: "is not in the région",
    EmptyOperator: "—",
  },
  banner: {
    title: "Display conditions to fix",
    body: "These fields have an incomplete or invalid condition. The procedure cannot be published until they are fixed:",
  },
  errors: {
    not_available:
      "The chosen field is no longer available: it was deleted, moved below this field or into another repeatable block",
    unmanaged: "This type of field cannot be used in a condition",
    incompatible: "This operator or value does not suit this type of field",
    not_included: "This value is not one of the possible choices",
    required_number: "Enter a number, for example 12 or 3.5",
    required_list: "This operator only applies to multiple-choice fields",
    required_include: "Choose a value from the list",
    required_boolean: "This rule is not a condition",
    empty: "Incomplete rule: choose a field, an operator and a value",
    empty_operands: "Add at least one rule",
    malformed: "This condition cannot be read",
    too_many_rows: "A condition can have at most {max} rules",
    notSaved: "The condition was not saved: fix the rules shown",
  },
  ineligibilite: {
    title: "Ineligible applications",
    lead: "Block applications that do not meet the procedure’s conditions: when the rules below hold, the user sees your message in the form and cannot submit the application.",
    enabled: "Block ineligible applications",
    enabledHint: "When disabled, the rules and the message are kept.",
    message: "Message shown to the user",
    messageHint:
      "Required when blocking is enabled. Explain why the application is not eligible and what the user can do. At most 1,000 characters.",
    rulesTitle: "The application is ineligible if",
    noRules: "No rule. Add a rule to define which applications are ineligible.",
    noSource:
      "The form has no field that can be used as a criterion (yes/no, checkbox, number, choice, geography). Add one to the form.",
    save: "Save",
    saved: "The ineligibility criteria are saved.",
    publishedNotice:
      "This procedure is published: you are editing the draft. The criteria will apply to applications after the next publication.",
    incomplete:
      "The criteria are enabled but incomplete (missing message or a rule to complete): the procedure cannot be published as it is.",
    overviewLink: "Set the criteria",
    overviewBody: "Optional: block applications that do not meet the procedure’s conditions.",
    errors: {
      message_required: "Enter the message shown to the user",
      message_too_long: "The message must not exceed 1,000 characters",
    },
  },
  dragAndDrop: {
    handle: "Drag to move “{libelle}”",
    dropped: "Field “{libelle}” moved to position {position} of {count}.",
  },
} satisfies Translation<typeof fr>;
