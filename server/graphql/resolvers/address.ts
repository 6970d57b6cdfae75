/**
 * The GraphQL `Address` object, built from its parts and codes: the names of the département,
 * region and country are looked up from their codes, the point becomes a GeoJSON geometry. Used by
 * `AddressChamp` (a BAN or hand-typed address) and `PersonneMorale.address` (API Entreprise).
 */
import { departementName } from "../../domain/champs/types/departements";
import { countryName, departementByCode, regionByCode } from "../../domain/geo/territories";

export interface AddressParts {
  label: string;
  type: string;
  streetAddress: string | null;
  streetNumber: string | null;
  streetName: string | null;
  postalCode: string;
  cityName: string;
  cityCode: string;
  departmentCode: string | null;
  regionCode: string | null;
  countryCode: string;
  /** Longitude, latitude. */
  coordinates?: readonly [number, number] | null;
}

export function departementObject(code: string | null | undefined): { code: string; name: string } | null {
  const departement = code ? departementByCode(code) : undefined;
  return departement ? { code: departement.code, name: departementName(departement, "fr") } : null;
}

export function addressView({ coordinates, ...parts }: AddressParts) {
  return {
    ...parts,
    departmentName: departementObject(parts.departmentCode)?.name ?? null,
    regionName: parts.regionCode ? (regionByCode(parts.regionCode)?.name ?? null) : null,
    countryName: countryName(parts.countryCode, "fr") ?? null,
    geometry: coordinates ? { type: "Point", coordinates } : null,
  };
}
