/**
 * The geographic field types in the API: PaysChamp, RegionChamp, DepartementChamp, CommuneChamp,
 * EpciChamp, AddressChamp and their descriptors, read from the values stored by the types of
 * server/domain/champs/types (codes and names are in the value; lists from the bundled data).
 * Plugged into the generic resolvers of champs.ts.
 */
import { type AddressValue, addressValueSchema } from "../../domain/champs/types/address";
import { addressView, departementObject } from "./address";
import { type CommunesValue, communeValueSchema, isResolvedCommune } from "../../domain/champs/types/communes";
import { departementName } from "../../domain/champs/types/departements";
import { type EpciFieldValue, epciValueSchema, isResolvedEpci } from "../../domain/champs/types/epci";
import { isCountryCode } from "../../domain/champs/types/pays";
import { DEPARTEMENTS, DEPARTEMENT_ETRANGER, REGIONS, countries, countryName, regionByCode } from "../../domain/geo/territories";

/** Champ types the reference serves as TextChamp unless the query names them in a fragment. */
export const GEO_FRAGMENT_GATED: Record<string, string> = {
  PaysChamp: "TextChamp",
  RegionChamp: "TextChamp",
  DepartementChamp: "TextChamp",
  CommuneChamp: "TextChamp",
  AddressChamp: "TextChamp",
};

interface GeoChampView {
  typeChamp: string;
  raw: unknown;
}

const text = (raw: unknown): string | null => (typeof raw === "string" && raw.trim() !== "" ? raw : null);

function commune(raw: unknown): CommunesValue | null {
  const parsed = communeValueSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function epci(raw: unknown): EpciFieldValue | null {
  const parsed = epciValueSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function address(raw: unknown): AddressValue | null {
  const parsed = addressValueSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * `TextChamp.value` of a geographic field served as TextChamp: the reference's `value` column
 * (names, the commune's name, the address label). Undefined for other field types.
 */
export function geoTextValue(typeChamp: string, raw: unknown): string | null | undefined {
  switch (typeChamp) {
    case "pays": {
      const code = text(raw);
      return code === null ? null : (countryName(code, "fr") ?? code);
    }
    case "regions": {
      const code = text(raw);
      return code === null ? null : (regionByCode(code)?.name ?? code);
    }
    case "departements": {
      const code = text(raw);
      return code === null ? null : (departementObject(code)?.name ?? code);
    }
    case "communes": {
      const value = commune(raw);
      if (value === null) return null;
      return isResolvedCommune(value) ? value.name : text(value.query);
    }
    case "epci": {
      const value = epci(raw);
      if (value === null) return null;
      return isResolvedEpci(value) ? value.name : text(value.query);
    }
    case "address": {
      const value = address(raw);
      if (value === null) return null;
      return text(value.source === "search" ? value.query : value.label);
    }
    default:
      return undefined;
  }
}

/** The Address object of the API: only for a complete address, as the reference. */
function addressObject(value: AddressValue | null) {
  if (value === null || value.source === "search") return null;
  if (value.source === "ban") {
    return addressView({
      label: value.label,
      type: value.type,
      streetAddress: value.streetAddress,
      streetNumber: value.streetNumber,
      streetName: value.streetName,
      postalCode: value.postalCode,
      cityName: value.cityName,
      cityCode: value.cityCode,
      departmentCode: value.departementCode,
      regionCode: value.regionCode,
      countryCode: "FR",
      coordinates: value.coordinates,
    });
  }
  const france = value.countryCode === "FR";
  const complete = value.streetAddress !== "" && value.postalCode !== "" && value.cityName !== "";
  if (!complete || (france && !value.cityCode) || !isCountryCode(value.countryCode)) return null;
  return addressView({
    label: value.label,
    // Typed by hand: numbered when it starts with a number, a street or place otherwise.
    type: /^\d/.test(value.streetAddress) ? "housenumber" : "street",
    streetAddress: value.streetAddress,
    streetNumber: null,
    streetName: null,
    postalCode: value.postalCode,
    cityName: value.cityName,
    cityCode: value.cityCode ?? "",
    departmentCode: france ? (value.departementCode ?? null) : DEPARTEMENT_ETRANGER,
    regionCode: france ? (value.regionCode ?? null) : null,
    countryCode: value.countryCode,
  });
}

const descriptorBase = {
  type: (d: { typeChamp: string }) => d.typeChamp,
  champDescriptors: () => null,
};

export const geoDescriptorResolvers = {
  PaysChampDescriptor: {
    ...descriptorBase,
    options: () => countries("fr").map(({ code, name }) => ({ code, name })),
  },
  RegionChampDescriptor: {
    ...descriptorBase,
    options: () => REGIONS.map(({ code, name }) => ({ code, name })),
  },
  DepartementChampDescriptor: {
    ...descriptorBase,
    options: () => DEPARTEMENTS.map((d) => ({ code: d.code, name: departementName(d, "fr") })),
  },
};

export const geoChampResolvers = {
  PaysChamp: {
    pays: (c: GeoChampView) => {
      const code = text(c.raw);
      return code !== null && isCountryCode(code) ? { code, name: countryName(code, "fr") } : null;
    },
  },
  RegionChamp: {
    region: (c: GeoChampView) => {
      const region = regionByCode(text(c.raw) ?? "");
      return region ? { code: region.code, name: region.name } : null;
    },
  },
  DepartementChamp: {
    departement: (c: GeoChampView) => departementObject(text(c.raw)),
  },
  CommuneChamp: {
    commune: (c: GeoChampView) => {
      const value = commune(c.raw);
      return isResolvedCommune(value) ? { code: value.code, name: value.name, postalCode: value.postalCode } : null;
    },
    departement: (c: GeoChampView) => {
      const value = commune(c.raw);
      return isResolvedCommune(value) ? departementObject(value.departementCode) : null;
    },
  },
  EpciChamp: {
    epci: (c: GeoChampView) => {
      const value = epci(c.raw);
      return isResolvedEpci(value) ? { code: value.code, name: value.name } : null;
    },
    departement: (c: GeoChampView) => {
      const value = epci(c.raw);
      return isResolvedEpci(value) ? departementObject(value.departementCode) : null;
    },
  },
  AddressChamp: {
    address: (c: GeoChampView) => addressObject(address(c.raw)),
    commune: (c: GeoChampView) => {
      const parts = addressObject(address(c.raw));
      // Abroad there is no commune, as in the reference.
      if (!parts || parts.departmentCode === DEPARTEMENT_ETRANGER || parts.cityCode === "") return null;
      return { code: parts.cityCode, name: parts.cityName, postalCode: parts.postalCode };
    },
    departement: (c: GeoChampView) => departementObject(addressObject(address(c.raw))?.departmentCode),
  },
};
