/**
 * The small territorial lists, bundled with the code and safe to ship to the browser (a few kB):
 * régions and départements of `@etalab/decoupage-administratif` (the official geography), and
 * countries with their French and English names (ISO 3166-1 alpha-2, `i18n-iso-countries`).
 * Communes and EPCI are much larger and stay on the server (`server/integrations/geo`).
 */
import departementsData from "@etalab/decoupage-administratif/data/departements.json";
import regionsData from "@etalab/decoupage-administratif/data/regions.json";
import enCountries from "i18n-iso-countries/langs/en.json";
import frCountries from "i18n-iso-countries/langs/fr.json";
import type { Locale } from "../../../common/i18n/types";
import { searchKey } from "./search-text";

export interface Region {
  code: string;
  name: string;
}

export interface Departement {
  code: string;
  name: string;
  /** Null only for « 99 – Étranger ». */
  regionCode: string | null;
}

export interface Country {
  code: string;
  name: string;
}

/** The reference's pseudo-département of addresses abroad (« 99 – Etranger »). */
export const DEPARTEMENT_ETRANGER = "99";

const frCollator = new Intl.Collator("fr");

/** The 18 régions (metropolitan and overseas), by name, as the reference's API Géo list. */
export const REGIONS: readonly Region[] = regionsData
  .filter((region) => region.zone !== "com")
  .map((region) => ({ code: region.code, name: region.nom }))
  .sort((a, b) => frCollator.compare(a.name, b.name));

/**
 * Every département, overseas collectivities included, by code, then « 99 – Étranger » as the
 * reference lists it (its name is translated: see `departementName`).
 */
export const DEPARTEMENTS: readonly Departement[] = [
  ...departementsData.map((d) => ({ code: d.code, name: d.nom, regionCode: d.region })),
  { code: DEPARTEMENT_ETRANGER, name: "Étranger", regionCode: null },
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)); // plain order keeps 2A/2B after 29

const regionsByCode = new Map(REGIONS.map((region) => [region.code, region]));
const departementsByCode = new Map(DEPARTEMENTS.map((departement) => [departement.code, departement]));

export function regionByCode(code: string): Region | undefined {
  return regionsByCode.get(code);
}

export function departementByCode(code: string): Departement | undefined {
  return departementsByCode.get(code);
}

/** « 56 – Morbihan », the reference's display of a département. */
export function departementLabel(departement: Departement): string {
  return `${departement.code} – ${departement.name}`;
}

// Overseas départements are France for the reference's country list.
const EXCLUDED_COUNTRIES = new Set(["GP", "MQ", "GF", "RE", "YT"]);
const COUNTRY_NAMES: Record<Locale, Record<string, string | string[]>> = {
  fr: frCountries.countries,
  en: enCountries.countries,
};

const countriesCache = new Map<Locale, readonly Country[]>();

/** Countries in `locale`, sorted by name in that language. */
export function countries(locale: Locale): readonly Country[] {
  let list = countriesCache.get(locale);
  if (!list) {
    const collator = new Intl.Collator(locale);
    list = Object.entries(COUNTRY_NAMES[locale])
      .filter(([code]) => !EXCLUDED_COUNTRIES.has(code))
      .map(([code, names]) => ({ code, name: Array.isArray(names) ? (names[0] ?? code) : names }))
      .sort((a, b) => collator.compare(a.name, b.name));
    countriesCache.set(locale, list);
  }
  return list;
}

export function countryName(code: string, locale: Locale): string | undefined {
  return countries(locale).find((country) => country.code === code)?.name;
}

let countryKeys: Map<string, string> | null = null;

/**
 * The ISO code of a country given by code (« fr ») or by name in French or English, any of its
 * names, accents and case ignored (« Etats-Unis d'Amérique », « United Kingdom »).
 */
export function countryCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return countries("fr").some((country) => country.code === code) ? code : undefined;
  }
  if (!countryKeys) {
    countryKeys = new Map();
    for (const names of Object.values(COUNTRY_NAMES)) {
      for (const [code, name] of Object.entries(names)) {
        if (EXCLUDED_COUNTRIES.has(code)) continue;
        for (const one of Array.isArray(name) ? name : [name]) countryKeys.set(searchKey(one), code);
      }
    }
  }
  return countryKeys.get(searchKey(trimmed));
}
