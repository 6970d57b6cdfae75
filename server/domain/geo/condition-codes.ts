/**
 * The département and région of a geographic field's value, for the conditions' InDepartement /
 * InRegion operators (`ConditionContext.departementOf` / `regionOf` of server/domain/conditions).
 * Pure and small: communes, EPCI and addresses carry their codes in the value, départements and
 * régions are codes, so this runs on the server and in the browser alike. Anything else (an
 * unresolved commune, a blank value) has no code: the operators are then false, as the reference's.
 */
import type { ConditionChampType } from "../conditions/types";
import { DEPARTEMENT_ETRANGER, departementByCode } from "./territories";

function field(value: unknown, name: string): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === "string" && found !== "" ? found : undefined;
}

/** A value without `query` is a resolved commune or EPCI (see types/communes.ts and types/epci.ts). */
function resolved(value: unknown): boolean {
  return value !== null && typeof value === "object" && !("query" in value);
}

export function departementOf(value: unknown, type: ConditionChampType): string | undefined {
  switch (type) {
    case "departements":
      return typeof value === "string" && departementByCode(value) ? value : undefined;
    case "communes":
    case "epci":
      return resolved(value) ? field(value, "departementCode") : undefined;
    case "address": {
      const source = field(value, "source");
      if (source === "ban") return field(value, "departementCode");
      if (source !== "manual") return undefined;
      // Abroad is the reference's pseudo-département « 99 – Etranger ».
      return field(value, "countryCode") === "FR" ? field(value, "departementCode") : DEPARTEMENT_ETRANGER;
    }
    default:
      return undefined;
  }
}

export function regionOf(value: unknown, type: ConditionChampType): string | undefined {
  switch (type) {
    case "regions":
      return typeof value === "string" && value !== "" ? value : undefined;
    case "departements":
      return typeof value === "string" ? (departementByCode(value)?.regionCode ?? undefined) : undefined;
    case "communes":
    case "epci":
      return resolved(value) ? field(value, "regionCode") : undefined;
    case "address": {
      const source = field(value, "source");
      if (source === "ban") return field(value, "regionCode");
      return source === "manual" && field(value, "countryCode") === "FR" ? field(value, "regionCode") : undefined;
    }
    default:
      return undefined;
  }
}

/** Ready to pass as the `GeoLookups` of server/domain/form/visibility.ts. */
export const geoConditionLookups = { departementOf, regionOf };
