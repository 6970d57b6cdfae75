/**
 * The reference data the geographic field types consult on the server (`ReferenceData` of
 * server/domain/geo): bundled communes and EPCI, and the national address base through its adapter.
 * One instance per BAN configuration, reused across requests.
 */
import type { ReferenceData } from "../domain/geo/reference-data";
import { createBanClient } from "./ban/client";
import { communesByPostalCode, epcisInDepartement, findCommune, findEpci, searchCommunes, searchEpcis } from "./geo/search";

export interface ReferenceDataConfig {
  ban: { url: string | null; timeoutMs: number };
}

export function createReferenceData(config: ReferenceDataConfig, onBanFailure?: (reason: string) => void): ReferenceData {
  const ban = createBanClient({ ...config.ban, onFailure: onBanFailure });
  return {
    searchCommunes,
    commune: findCommune,
    communesByPostalCode,
    searchEpcis,
    epci: findEpci,
    epcisInDepartement,
    searchAddresses: (query, limit) => ban.search(query, limit),
  };
}

const instances = new Map<string, ReferenceData>();

/** The shared instance for a configuration (the BAN client holds no state, this only saves allocations). */
export function referenceDataFor(config: ReferenceDataConfig, onBanFailure?: (reason: string) => void): ReferenceData {
  const key = `${config.ban.url ?? ""}|${config.ban.timeoutMs}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = createReferenceData(config, onBanFailure);
    instances.set(key, instance);
  }
  return instance;
}
