/**
 * Which field types a condition can read, and the reference's value type for each
 * (`Logic::ChampValue::MANAGED_TYPE_DE_CHAMP` / `CHAMP_VALUE_TYPE`). Keys are the reference's, so
 * types Guichet has not implemented yet are listed too: rules stay valid when they arrive.
 */
import type { TypeChamp } from "../champs/definition";

export const CONDITIONABLE_TYPES = [
  "yes_no",
  "checkbox",
  "integer_number",
  "decimal_number",
  "drop_down_list",
  "multiple_drop_down_list",
  "communes",
  "epci",
  "departements",
  "regions",
  "address",
  "pays",
] as const;
export type ConditionableType = (typeof CONDITIONABLE_TYPES)[number];

/** A field type as conditions see it: Guichet's implemented types plus the reference's conditionable ones. */
export type ConditionChampType = TypeChamp | ConditionableType;

export type ChampValueType =
  | "boolean"
  | "number"
  | "enum"
  | "commune_enum"
  | "epci_enum"
  | "departement_enum"
  | "address"
  | "enums"
  | "unmanaged";

export function champValueType(type: string | undefined): ChampValueType {
  switch (type) {
    case "yes_no":
    case "checkbox":
      return "boolean";
    case "integer_number":
    case "decimal_number":
      return "number";
    case "drop_down_list":
    case "regions":
    case "pays":
      return "enum";
    case "communes":
      return "commune_enum";
    case "epci":
      return "epci_enum";
    case "departements":
      return "departement_enum";
    case "address":
      return "address";
    case "multiple_drop_down_list":
      return "enums";
    default:
      return "unmanaged";
  }
}

export function isConditionable(type: string | undefined): type is ConditionableType {
  return (CONDITIONABLE_TYPES as readonly string[]).includes(type ?? "");
}
