/**
 * Which field types a condition can read, and the reference's value type for each
 * (`Logic::ChampValue::MANAGED_TYPE_DE_CHAMP` / `CHAMP_VALUE_TYPE`): each type's
 * `conditionValueType` facet (server/domain/champs/types). A type Guichet does not know reads as
 * "unmanaged": a rule on it is refused, never evaluated.
 */
import type { ChampValueType, TypeChamp } from "../champs/definition";
import { getTypeDeChamp, isTypeChamp } from "../champs/registry";

export type { ChampValueType } from "../champs/definition";

/** A field type as conditions see it (a stored type may be one Guichet no longer knows). */
export type ConditionChampType = TypeChamp;

export function champValueType(type: string | undefined): ChampValueType {
  return isTypeChamp(type) ? getTypeDeChamp(type).conditionValueType : "unmanaged";
}

export function isConditionable(type: string | undefined): type is TypeChamp {
  return champValueType(type) !== "unmanaged";
}
