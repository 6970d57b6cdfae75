/**
 * `address` (« Adresse »): a postal address, found in the national address base (BAN) or typed by
 * hand when it is not there, when the service is down, or abroad — as the reference does (BAN
 * feature fields in `value_json`, or « not in BAN » with street, postal code and commune).
 *
 * Three shapes, told apart by `source`:
 * - "ban": an address the BAN returned (label, parts, INSEE code of the commune, département and
 *   région codes, coordinates);
 * - "manual": street, postal code, city and country typed by hand; for France, `resolve` checks the
 *   postal code and city against the bundled communes and adds the codes;
 * - "search": text typed in the search input that is not an address yet (the BAN proposals kept as
 *   candidates, or `unavailable` when the service failed): nothing typed is lost, submission asks
 *   to choose or to type the address by hand.
 *
 * Form contract (works without JavaScript; part names follow `champ_<key>__<part>`):
 * - `champ_<key>`: the search text (with JavaScript: the label of the chosen proposal);
 * - `__ban`: the BAN id of the chosen proposal (a radio among the candidates, or the combobox's hidden input);
 * - `__manual`: "true" when the address is typed by hand, then `__street`, `__postal_code`,
 *   `__city` and `__country` (ISO code, France by default).
 */
import { z } from "zod";
import type { Locale } from "../../../../common/i18n/types";
import { ADDRESS_TYPES, type AddressRecord, type ReferenceData } from "../../geo/reference-data";
import { matchRank, searchKey } from "../../geo/search-text";
import { countryCode, countryName } from "../../geo/territories";
import { FILL_DURATION, type FormInput, type FormPartReader, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { normalizeLine, prefillText, requiredError, singleLine } from "../input";
import { isCountryCode } from "./pays";

export const ADDRESS_CANDIDATES_LIMIT = 10;
const FRANCE = "FR";

export const addressOptionsSchema = z.object({});
export type AddressOptions = z.infer<typeof addressOptionsSchema>;

const banAddressSchema = z
  .object({
    source: z.literal("ban"),
    label: z.string().min(1),
    banId: z.string().min(1),
    type: z.enum(ADDRESS_TYPES),
    streetAddress: z.string(),
    streetNumber: z.string().nullable(),
    streetName: z.string().nullable(),
    postalCode: z.string(),
    cityCode: z.string(),
    cityName: z.string(),
    departementCode: z.string(),
    regionCode: z.string().nullable(),
    countryCode: z.literal(FRANCE),
    coordinates: z.tuple([z.number(), z.number()]).nullable(),
  })
  .strict();
export type BanAddressValue = z.infer<typeof banAddressSchema>;

const manualAddressSchema = z
  .object({
    source: z.literal("manual"),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    streetAddress: z.string(),
    postalCode: z.string(),
    cityName: z.string(),
    /** « 11 rue des Mimosas 67000 Strasbourg », or « 12 Main Street, SW1A 1AA London, Royaume-Uni » abroad. */
    label: z.string(),
    /** France, once `resolve` found the commune of the postal code and city. */
    cityCode: z.string().optional(),
    departementCode: z.string().optional(),
    regionCode: z.string().optional(),
  })
  .strict();
export type ManualAddressValue = z.infer<typeof manualAddressSchema>;

const searchAddressSchema = z
  .object({
    source: z.literal("search"),
    query: z.string(),
    /** BAN id picked in the form, checked by `resolve`. */
    selection: z.string().max(200).optional(),
    candidates: z
      .array(z.object({ banId: z.string(), label: z.string() }).strict())
      .max(ADDRESS_CANDIDATES_LIMIT)
      .optional(),
    /** The address service failed or is not configured: the form offers the manual mode. */
    unavailable: z.literal(true).optional(),
  })
  .strict();
export type SearchAddressValue = z.infer<typeof searchAddressSchema>;

export const addressValueSchema = z.discriminatedUnion("source", [banAddressSchema, manualAddressSchema, searchAddressSchema]);
export type AddressValue = z.infer<typeof addressValueSchema>;

function values(raw: FormInput): string[] {
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/** French postal codes are typed with spaces sometimes (« 75 015 »). */
function compactPostalCode(text: string, country: string): string {
  const compact = text.replace(/\s/g, "");
  return country === FRANCE && /^\d{5}$/.test(compact) ? compact : text;
}

export function manualAddressLabel(
  address: Pick<ManualAddressValue, "streetAddress" | "postalCode" | "cityName" | "countryCode">,
  locale: Locale = "fr",
): string {
  const city = [address.postalCode, address.cityName].filter((part) => part !== "").join(" ");
  if (address.countryCode === FRANCE) return [address.streetAddress, city].filter((part) => part !== "").join(" ");
  const country = countryName(address.countryCode, locale) ?? address.countryCode;
  return [address.streetAddress, city, country].filter((part) => part !== "").join(", ");
}

function manualAddress(parts: {
  countryCode: string;
  streetAddress: string;
  postalCode: string;
  cityName: string;
}): ManualAddressValue {
  return { source: "manual", ...parts, label: manualAddressLabel(parts) };
}

export function banAddressValue(address: AddressRecord): BanAddressValue {
  return { source: "ban", ...address, countryCode: FRANCE };
}

/** Missing parts of an address typed by hand (every part is required, in France and abroad). */
export function missingAddressParts(address: ManualAddressValue): Array<"street" | "postal_code" | "city"> {
  const missing: Array<"street" | "postal_code" | "city"> = [];
  if (address.streetAddress.trim() === "") missing.push("street");
  if (address.postalCode.trim() === "") missing.push("postal_code");
  if (address.cityName.trim() === "") missing.push("city");
  return missing;
}

/** France: the commune of the postal code and city typed, with its codes (none when they match no commune). */
async function checkFrenchCommune(address: ManualAddressValue, refs: ReferenceData): Promise<ManualAddressValue> {
  const { cityCode: _c, departementCode: _d, regionCode: _r, ...unchecked } = address;
  const base = { ...unchecked, label: manualAddressLabel(unchecked) };
  if (address.countryCode !== FRANCE || !/^\d{5}$/.test(address.postalCode)) return base;
  const communes = await refs.communesByPostalCode(address.postalCode);
  const cityKey = searchKey(address.cityName);
  let found = communes.filter((commune) => searchKey(commune.name) === cityKey);
  // « Paris » with 75015 is « Paris 15e Arrondissement »; an empty city with a postal code of one commune is that one.
  if (found.length === 0 && cityKey !== "") found = communes.filter((c) => matchRank(searchKey(c.name), cityKey) !== null);
  if (found.length === 0 && cityKey === "" && communes.length === 1) found = communes;
  const commune = found.length === 1 ? found[0] : undefined;
  if (!commune) return base;
  const checked = { ...unchecked, cityName: commune.name };
  return {
    ...checked,
    label: manualAddressLabel(checked),
    cityCode: commune.code,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
  };
}

export const address: TypeDeChampDefinition<AddressOptions, AddressValue, "address"> = {
  type: "address",
  category: "localisation",
  hasValue: true,
  optionsSchema: addressOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: addressValueSchema,

  parseFormInput: (raw, _options, part?: FormPartReader) => {
    const query = singleLine(raw);
    const street = singleLine(part?.("street"));
    const postalCode = singleLine(part?.("postal_code"));
    const city = singleLine(part?.("city"));
    // Manual mode when asked, or (pages without JavaScript show both) when only the manual parts were typed.
    const manual = values(part?.("manual")).includes("true") || (query === null && (street ?? postalCode ?? city) !== null);
    if (manual) {
      const country = singleLine(part?.("country"));
      const code = country === null ? FRANCE : (countryCode(country) ?? FRANCE);
      return manualAddress({
        countryCode: code,
        // Switching to the manual mode keeps what was searched as a start for the street.
        streetAddress: street ?? query ?? "",
        postalCode: compactPostalCode(postalCode ?? "", code),
        cityName: city ?? "",
      });
    }
    if (query === null) return null;
    const selection = singleLine(part?.("ban"));
    return selection === null ? { source: "search", query } : { source: "search", query, selection: selection.slice(0, 200) };
  },

  validateForSubmit: (value, descriptor) => {
    if (value === null || address.isBlank(value)) return requiredError(true, descriptor);
    switch (value.source) {
      case "ban":
        return null;
      case "search":
        return champError(value.candidates?.length ? "address_ambiguous" : "address_not_found", descriptor);
      case "manual":
        if (!isCountryCode(value.countryCode)) return champError("invalid_value", descriptor);
        if (missingAddressParts(value).length > 0) return champError("address_incomplete", descriptor);
        return value.countryCode === FRANCE && !value.cityCode ? champError("address_commune_not_found", descriptor) : null;
    }
  },

  isBlank: (value) => {
    if (value === null) return true;
    if (value.source === "search") return value.query.trim() === "";
    if (value.source === "manual") return missingAddressParts(value).length === 3;
    return false;
  },

  displayValue: (value, _options, locale) => {
    if (value === null) return "";
    if (value.source === "search") return value.query;
    return value.source === "manual" ? manualAddressLabel(value, locale) : value.label;
  },
  stringValue: (value) => {
    if (value === null) return null;
    const text = (value.source === "search" ? value.query : value.label).trim();
    return text === "" ? null : text;
  },

  graphqlTypename: "AddressChamp",
  graphqlDescriptorTypename: "AddressChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: the BAN label; searched by `resolve`, kept as typed when it is not one address.
  prefill: (raw) => {
    const text = prefillText(raw);
    if (text === null || typeof raw !== "string") return null;
    const query = normalizeLine(text);
    return query === "" ? null : { source: "search", query: query.slice(0, 200) };
  },

  resolve: async (value, { refs, previous }) => {
    if (value.source === "ban") return value;
    if (value.source === "manual") return checkFrenchCommune(value, refs);
    const query = value.query.trim();
    if (query === "") return null;
    // Unchanged since the last save: no new search (nor a lost address while the service is down).
    if (
      previous?.source === "ban" &&
      (!value.selection || value.selection === previous.banId) &&
      searchKey(query) === searchKey(previous.label)
    ) {
      return previous;
    }
    const result = await refs.searchAddresses(query, ADDRESS_CANDIDATES_LIMIT);
    if (!result.ok) return { source: "search", query, unavailable: true };
    const chosen = value.selection ? result.addresses.find((a) => a.banId === value.selection) : undefined;
    if (chosen) return banAddressValue(chosen);
    const exact = result.addresses.filter((a) => searchKey(a.label) === searchKey(query));
    const only = exact.length === 1 ? exact[0] : undefined;
    if (only) return banAddressValue(only);
    return { source: "search", query, candidates: result.addresses.map(({ banId, label }) => ({ banId, label })) };
  },

  prefillFormat: examplePrefill("2 Rue de la Paix 75002 Paris"),
  conditionValueType: "address",
  casts: {},
  // Typed text, turned into a national address base address by the server's resolution on save.
  sampleFormInput: () => "20 Avenue de Ségur 75007 Paris",
};
