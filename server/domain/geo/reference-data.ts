/**
 * What the geographic field types may ask the server when they complete a value (see the `resolve`
 * facet of a type de champ): communes and EPCI of the bundled official data, and the national
 * address base (BAN). Only the interface lives here, so that the domain stays pure; the
 * implementation is `server/integrations/reference-data.ts`.
 */

/** One commune for one of its postal codes (a commune with three postal codes is three records). */
export interface CommuneRecord {
  /** INSEE code (« 75115 », « 2A004 »); arrondissements of Paris, Lyon and Marseille have their own. */
  code: string;
  name: string;
  postalCode: string;
  departementCode: string;
  regionCode: string;
}

/** A commune found by a search: `exact` when its name, postal code or label is exactly what was typed. */
export interface CommuneMatch extends CommuneRecord {
  exact: boolean;
}

/** One EPCI in one of its départements (an EPCI across two départements is two records). */
export interface EpciRecord {
  /** SIREN of the EPCI (9 digits), its code in the official data. */
  code: string;
  name: string;
  departementCode: string;
  regionCode: string;
}

export interface EpciMatch extends EpciRecord {
  exact: boolean;
}

export const ADDRESS_TYPES = ["housenumber", "street", "locality", "municipality"] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** An address of the national address base (a BAN feature), with its territory. */
export interface AddressRecord {
  /** BAN identifier (« 75115_2741_00012 »). */
  banId: string;
  /** Full label as the BAN writes it (« 12 Rue de Vaugirard 75015 Paris »). */
  label: string;
  type: AddressType;
  /** Number and street, or the lieu-dit (the BAN's `name`). */
  streetAddress: string;
  streetNumber: string | null;
  streetName: string | null;
  postalCode: string;
  cityCode: string;
  cityName: string;
  departementCode: string;
  regionCode: string | null;
  /** [longitude, latitude] (WGS 84), when the BAN gives a point. */
  coordinates: [number, number] | null;
}

export type AddressSearch =
  | { ok: true; addresses: AddressRecord[] }
  /** `disabled`: no address service configured; `unavailable`: it failed or did not answer in time. */
  | { ok: false; reason: "disabled" | "unavailable" };

export interface ReferenceData {
  /** Communes by name (accents and case ignored, prefix first), postal code or INSEE code. */
  searchCommunes(query: string, limit: number): Promise<CommuneMatch[]>;
  /** The commune `code` for `postalCode`, if that pair exists. */
  commune(code: string, postalCode: string): Promise<CommuneRecord | undefined>;
  communesByPostalCode(postalCode: string): Promise<CommuneRecord[]>;
  /** EPCI by name (accents and case ignored, prefix first) or SIREN. */
  searchEpcis(query: string, limit: number): Promise<EpciMatch[]>;
  epci(code: string, departementCode: string): Promise<EpciRecord | undefined>;
  epcisInDepartement(departementCode: string): Promise<EpciRecord[]>;
  searchAddresses(query: string, limit: number): Promise<AddressSearch>;
}
