/**
 * Lazy loading of the large official datasets bundled with `@etalab/decoupage-administratif`
 * (communes: 8 MB, EPCI: 4 MB). Nothing is read before the first search; the files are then parsed
 * once per process and kept as compact indexes.
 *
 * The cache lives on globalThis: the HTTP server and the pages bundle (build/server) are two module
 * graphs, and both may search communes; they must share one copy.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { departementByCode } from "../../domain/geo/territories";
import { searchKey } from "../../domain/geo/search-text";
import type { CommuneRecord, EpciRecord } from "../../domain/geo/reference-data";

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
}

interface RawEpci {
  code: string;
  nom: string;
  populationTotale?: number;
  membres: Array<{ code: string }>;
}

export interface IndexedCommune extends CommuneRecord {
  /** `searchKey` of the name, and of the label « name (postal code) ». */
  key: string;
  labelKey: string;
  population: number;
}

export interface CommuneIndex {
  /** One record per (commune, postal code), in the data's order. */
  records: readonly IndexedCommune[];
  byPostalCode: ReadonlyMap<string, readonly IndexedCommune[]>;
  byCode: ReadonlyMap<string, readonly IndexedCommune[]>;
  /** Département of every current commune (arrondissements' parents included), for EPCI members. */
  departementOfCommune: ReadonlyMap<string, string>;
}

export interface IndexedEpci extends EpciRecord {
  key: string;
  population: number;
}

export interface EpciIndex {
  records: readonly IndexedEpci[];
  byCode: ReadonlyMap<string, readonly IndexedEpci[]>;
  byDepartement: ReadonlyMap<string, readonly IndexedEpci[]>;
}

/**
 * Paris, Marseille and Lyon are searched by arrondissement, as the reference does (their INSEE
 * codes for the whole city are left out; the BAN also answers with arrondissement codes).
 */
const CITIES_WITH_ARRONDISSEMENTS = new Set(["75056", "13055", "69123"]);
const KEPT_TYPES = new Set(["commune-actuelle", "arrondissement-municipal"]);

const require = createRequire(import.meta.url);

async function readDataset<T>(name: string): Promise<T> {
  const file = require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
  return JSON.parse(await readFile(file, "utf8")) as T;
}

/** The reference writes commune names with a typographic apostrophe (« L’Abergement-Clémenciat »). */
export function communeName(raw: string): string {
  return raw.replace(/'/g, "’");
}

export function communeLabel(commune: { name: string; postalCode: string }): string {
  return `${commune.name} (${commune.postalCode})`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildCommuneIndex(raw: RawCommune[]): CommuneIndex {
  const records: IndexedCommune[] = [];
  const byPostalCode = new Map<string, IndexedCommune[]>();
  const byCode = new Map<string, IndexedCommune[]>();
  const departementOfCommune = new Map<string, string>();
  for (const commune of raw) {
    if (!KEPT_TYPES.has(commune.type) || !commune.departement) continue;
    if (commune.type === "commune-actuelle") departementOfCommune.set(commune.code, commune.departement);
    if (CITIES_WITH_ARRONDISSEMENTS.has(commune.code)) continue;
    const name = communeName(commune.nom);
    const regionCode = commune.region ?? departementByCode(commune.departement)?.regionCode ?? "";
    // Communes without a postal code (the uninhabited TAAF districts) cannot be chosen, as in the reference.
    for (const postalCode of commune.codesPostaux ?? []) {
      const record: IndexedCommune = {
        code: commune.code,
        name,
        postalCode,
        departementCode: commune.departement,
        regionCode,
        key: searchKey(name),
        labelKey: searchKey(communeLabel({ name, postalCode })),
        population: commune.population ?? 0,
      };
      records.push(record);
      push(byPostalCode, postalCode, record);
      push(byCode, commune.code, record);
    }
  }
  return { records, byPostalCode, byCode, departementOfCommune };
}

function buildEpciIndex(raw: RawEpci[], communes: CommuneIndex): EpciIndex {
  const records: IndexedEpci[] = [];
  const byCode = new Map<string, IndexedEpci[]>();
  const byDepartement = new Map<string, IndexedEpci[]>();
  for (const epci of raw) {
    const departements = new Set<string>();
    for (const member of epci.membres) {
      const departement = communes.departementOfCommune.get(member.code);
      if (departement) departements.add(departement);
    }
    for (const departementCode of [...departements].sort()) {
      const record: IndexedEpci = {
        code: epci.code,
        name: epci.nom,
        departementCode,
        regionCode: departementByCode(departementCode)?.regionCode ?? "",
        key: searchKey(epci.nom),
        population: epci.populationTotale ?? 0,
      };
      records.push(record);
      push(byCode, epci.code, record);
      push(byDepartement, departementCode, record);
    }
  }
  const collator = new Intl.Collator("fr");
  for (const list of byDepartement.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return { records, byCode, byDepartement };
}

interface GeoCache {
  communes?: Promise<CommuneIndex>;
  epcis?: Promise<EpciIndex>;
}

const CACHE_KEY = Symbol.for("guichet.geo.datasets");
const store = globalThis as unknown as Record<symbol, GeoCache | undefined>;
const cache: GeoCache = store[CACHE_KEY] ?? {};
store[CACHE_KEY] = cache;

/** Caches a dataset load; a failed read (broken installation) is retried next time rather than kept. */
function once<T>(get: () => Promise<T> | undefined, set: (value: Promise<T> | undefined) => void, load: () => Promise<T>) {
  const cached = get();
  if (cached) return cached;
  const loading = load();
  set(loading);
  loading.catch(() => set(undefined));
  return loading;
}

/** The communes index, read and built on first use (under a second), then shared. */
export function loadCommunes(): Promise<CommuneIndex> {
  return once(
    () => cache.communes,
    (value) => {
      cache.communes = value;
    },
    () => readDataset<RawCommune[]>("communes").then(buildCommuneIndex),
  );
}

export function loadEpcis(): Promise<EpciIndex> {
  return once(
    () => cache.epcis,
    (value) => {
      cache.epcis = value;
    },
    () => Promise.all([readDataset<RawEpci[]>("epci"), loadCommunes()]).then(([raw, communes]) => buildEpciIndex(raw, communes)),
  );
}

/** Whether the datasets are already in memory (for tests of the lazy loading). */
export function loadedDatasets(): { communes: boolean; epcis: boolean } {
  return { communes: cache.communes !== undefined, epcis: cache.epcis !== undefined };
}
