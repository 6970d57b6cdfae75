/**
 * The reference data one prefill request may use. Prefill is anonymous and a repetition block may
 * carry up to 1,000 rows, so one request could otherwise become thousands of calls to the national
 * address base, a service outside our control with its own rate limit. Each distinct search text is
 * sent once, and at most `max` of them per request; beyond that the search answers `unavailable`,
 * so those addresses are kept in the degraded mode of an address service that is down (the text
 * kept for the usager to confirm or type by hand), like any failed search.
 */
import type { AddressSearch, ReferenceData } from "../../domain/geo/reference-data";

/** Distinct address searches one prefill request may make (a real form has a handful of address fields). */
export const PREFILL_ADDRESS_LOOKUPS = 20;

export function withAddressLookupBudget(refs: ReferenceData, max: number = PREFILL_ADDRESS_LOOKUPS): ReferenceData {
  let left = max;
  const searches = new Map<string, Promise<AddressSearch>>();
  return {
    ...refs,
    searchAddresses(query, limit) {
      // The adapter sends the text trimmed with single spaces: texts equal that way are one search.
      const key = `${limit}|${query.trim().replace(/\s+/g, " ")}`;
      let search = searches.get(key);
      if (!search) {
        if (left <= 0) return Promise.resolve({ ok: false, reason: "unavailable" });
        left -= 1;
        search = refs.searchAddresses(query, limit);
        searches.set(key, search);
      }
      return search;
    },
  };
}
