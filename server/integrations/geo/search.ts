/**
 * Searches of the bundled communes and EPCI (see data.ts): accents and case ignored, exact names
 * first, then names starting with the query, then a word of the name starting with it, then names
 * containing it; larger populations first within a rank, so « Saint-Denis » proposes the biggest ones.
 */
import { matchRank, searchKey, splitPostalCode } from "../../domain/geo/search-text";
import type { CommuneMatch, CommuneRecord, EpciMatch, EpciRecord } from "../../domain/geo/reference-data";
import { type IndexedCommune, type IndexedEpci, loadCommunes, loadEpcis } from "./data";

const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/i;
const collator = new Intl.Collator("fr");

function communeRecord(record: IndexedCommune): CommuneRecord {
  const { code, name, postalCode, departementCode, regionCode } = record;
  return { code, name, postalCode, departementCode, regionCode };
}

function epciRecord(record: IndexedEpci): EpciRecord {
  const { code, name, departementCode, regionCode } = record;
  return { code, name, departementCode, regionCode };
}

type Ranked<T> = { record: T; rank: number };

function byRankThenPopulation<T extends { population: number; name: string }>(a: Ranked<T>, b: Ranked<T>): number {
  return a.rank - b.rank || b.record.population - a.record.population || collator.compare(a.record.name, b.record.name);
}

export async function searchCommunes(query: string, limit: number): Promise<CommuneMatch[]> {
  const text = query.trim();
  if (text === "" || limit <= 0) return [];
  const index = await loadCommunes();

  // A postal or INSEE code typed alone: the communes of that postal code, else the commune of that
  // INSEE code (« 56100 » is Lorient's postal code and Langonnet's INSEE code: the postal code wins).
  if (INSEE_CODE.test(text)) {
    const code = text.toUpperCase();
    const byName = (a: IndexedCommune, b: IndexedCommune) =>
      collator.compare(a.name, b.name) || a.postalCode.localeCompare(b.postalCode);
    const byPostal = [...(index.byPostalCode.get(code) ?? [])].sort(byName);
    const byInsee = [...(index.byCode.get(code) ?? [])].sort(byName);
    return [
      ...byPostal.map((record) => ({ ...communeRecord(record), exact: true })),
      ...byInsee.map((record) => ({ ...communeRecord(record), exact: byPostal.length === 0 })),
    ].slice(0, limit);
  }
  // The beginning of a postal code.
  if (/^\d{2,4}$/.test(text)) {
    const found: IndexedCommune[] = [];
    for (const [postalCode, records] of index.byPostalCode) if (postalCode.startsWith(text)) found.push(...records);
    return found
      .sort((a, b) => a.postalCode.localeCompare(b.postalCode) || collator.compare(a.name, b.name))
      .slice(0, limit)
      .map((record) => ({ ...communeRecord(record), exact: false }));
  }

  const queryKey = searchKey(text);
  if (queryKey === "") return [];
  const { postalCode, words } = splitPostalCode(text);
  const ranked: Ranked<IndexedCommune>[] = [];
  if (postalCode !== null) {
    // « Saint-Denis 93200 » or a label picked earlier, « Saint-Denis (93200) ».
    const wordsKey = searchKey(words);
    for (const record of index.byPostalCode.get(postalCode) ?? []) {
      const rank = wordsKey === "" ? 0 : matchRank(record.key, wordsKey);
      if (rank !== null) ranked.push({ record, rank });
    }
  } else {
    for (const record of index.records) {
      const rank = record.labelKey === queryKey ? 0 : matchRank(record.key, queryKey);
      if (rank !== null) ranked.push({ record, rank });
    }
  }
  return ranked
    .sort(byRankThenPopulation)
    .slice(0, limit)
    .map(({ record, rank }) => ({ ...communeRecord(record), exact: rank === 0 }));
}

export async function findCommune(code: string, postalCode: string): Promise<CommuneRecord | undefined> {
  const index = await loadCommunes();
  const record = index.byCode.get(code.toUpperCase())?.find((r) => r.postalCode === postalCode);
  return record ? communeRecord(record) : undefined;
}

export async function communesByPostalCode(postalCode: string): Promise<CommuneRecord[]> {
  const index = await loadCommunes();
  return [...(index.byPostalCode.get(postalCode) ?? [])].sort((a, b) => collator.compare(a.name, b.name)).map(communeRecord);
}

export async function searchEpcis(query: string, limit: number): Promise<EpciMatch[]> {
  const text = query.trim();
  if (text === "" || limit <= 0) return [];
  const index = await loadEpcis();
  const compact = text.replace(/\s/g, "");
  // A SIREN, whole or its beginning.
  if (/^\d{3,9}$/.test(compact)) {
    const found =
      compact.length === 9 ? [...(index.byCode.get(compact) ?? [])] : index.records.filter((r) => r.code.startsWith(compact));
    return found
      .sort((a, b) => a.code.localeCompare(b.code) || a.departementCode.localeCompare(b.departementCode))
      .slice(0, limit)
      .map((record) => ({ ...epciRecord(record), exact: record.code === compact }));
  }
  const queryKey = searchKey(text);
  if (queryKey === "") return [];
  const ranked: Ranked<IndexedEpci>[] = [];
  for (const record of index.records) {
    const rank = matchRank(record.key, queryKey);
    if (rank !== null) ranked.push({ record, rank });
  }
  return ranked
    .sort((a, b) => byRankThenPopulation(a, b) || a.record.departementCode.localeCompare(b.record.departementCode))
    .slice(0, limit)
    .map(({ record, rank }) => ({ ...epciRecord(record), exact: rank === 0 }));
}

export async function findEpci(code: string, departementCode: string): Promise<EpciRecord | undefined> {
  const index = await loadEpcis();
  const record = index.byCode.get(code)?.find((r) => r.departementCode === departementCode);
  return record ? epciRecord(record) : undefined;
}

export async function epcisInDepartement(departementCode: string): Promise<EpciRecord[]> {
  const index = await loadEpcis();
  return (index.byDepartement.get(departementCode) ?? []).map(epciRecord);
}
