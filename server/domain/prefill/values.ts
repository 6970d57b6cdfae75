/**
 * Turns prefill parameters into what a new dossier stores: champ values keyed by `ChampKey` and
 * the demandeur's identity. As the reference does, anything that does not fit is dropped without
 * error: unknown keys, fields of another démarche, layout fields, children of a block named at top
 * level, and values their type refuses (`prefillChampValue`; a type may instead keep a value of the
 * right shape that it would refuse at submission, e.g. an impossible date, so that the usager sees it
 * reported). Pure: row ids come from `newRow`.
 */
import type { ChampDescriptor, JsonValue } from "../champs/definition";
import { normalizeLine } from "../champs/input";
import { prefillChampValue } from "../champs/registry";
import { MAX_ROWS } from "../champs/types/repetition";
import { type ChampKey, champKey } from "../form/keys";
import { rowIdsOf } from "../form/tree";
import { type PrefillParams, stableIdOfPrefillKey } from "./params";

export interface PrefillIdentity {
  civilite?: "M." | "Mme";
  nom?: string;
  prenom?: string;
}

export interface PrefilledDossier {
  values: Map<ChampKey, JsonValue>;
  identity: PrefillIdentity;
}

/** Same bound as the identity step of the form. */
export const IDENTITY_MAX_LENGTH = 200;

function rowsOf(raw: JsonValue): Array<Record<string, JsonValue>> {
  let list: JsonValue = raw;
  // A block's rows may come as JSON text (a URL cannot carry objects otherwise).
  if (typeof list === "string" && list.trim().startsWith("[")) {
    try {
      list = JSON.parse(list) as JsonValue;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((row): row is Record<string, JsonValue> => typeof row === "object" && row !== null && !Array.isArray(row))
    .slice(0, MAX_ROWS);
}

/** The values of one field's children, from one row object (`{"champ_<child id>": value}`). */
function rowValues(block: ChampDescriptor, row: Record<string, JsonValue>, rowId: string, into: Map<ChampKey, JsonValue>) {
  const children = new Map((block.children ?? []).map((child) => [child.stableId, child]));
  for (const [key, raw] of Object.entries(row)) {
    const stableId = stableIdOfPrefillKey(key);
    const child = stableId === null ? undefined : children.get(stableId);
    if (!child || child.type === "repetition") continue;
    const value = prefillChampValue(child, raw);
    if (value !== null) into.set(champKey(child.stableId, rowId), value);
  }
}

/**
 * Values to store for `params` on the form `tree` (public fields, top level with blocks carrying
 * their children). A block's rows are an array of objects, one row each: existing rows of the
 * dossier (`stored`, e.g. the first empty row of a new dossier) are reused by position, then new
 * rows are added with ids from `newRow`.
 */
export function prefillChampValues(
  tree: readonly ChampDescriptor[],
  params: PrefillParams,
  stored: ReadonlyMap<ChampKey, unknown>,
  newRow: () => string,
): Map<ChampKey, JsonValue> {
  const fields = new Map(tree.map((field) => [field.stableId, field]));
  const values = new Map<ChampKey, JsonValue>();
  for (const [key, raw] of Object.entries(params)) {
    const stableId = stableIdOfPrefillKey(key);
    const field = stableId === null ? undefined : fields.get(stableId);
    if (!field) continue;
    if (field.type !== "repetition") {
      const value = prefillChampValue(field, raw);
      if (value !== null) values.set(champKey(field.stableId), value);
      continue;
    }
    const rows = rowsOf(raw);
    if (rows.length === 0) continue;
    const rowIds = rowIdsOf(stored, field.stableId);
    const taken = new Set(rowIds);
    while (rowIds.length < rows.length) {
      let id = newRow();
      while (taken.has(id)) id = newRow();
      taken.add(id);
      rowIds.push(id);
    }
    values.set(champKey(field.stableId), rowIds);
    for (const [index, row] of rows.entries()) rowValues(field, row, rowIds[index] as string, values);
  }
  return values;
}

function identityText(raw: JsonValue | undefined): string | undefined {
  if (typeof raw !== "string") return undefined;
  // One line without control characters, as the identity step of the form stores it.
  const text = normalizeLine(raw);
  return text === "" || text.length > IDENTITY_MAX_LENGTH ? undefined : text;
}

/**
 * The demandeur's identity (`identite_prenom`, `identite_nom`, `identite_genre` or
 * `identite_civilite`: "M." or "Mme"), only for démarches addressed to individuals.
 */
export function prefillIdentity(params: PrefillParams, forIndividual: boolean): PrefillIdentity {
  if (!forIndividual) return {};
  const identity: PrefillIdentity = {};
  const nom = identityText(params.identite_nom);
  const prenom = identityText(params.identite_prenom);
  const civilite = identityText(params.identite_genre ?? params.identite_civilite);
  if (nom) identity.nom = nom;
  if (prenom) identity.prenom = prenom;
  if (civilite === "M." || civilite === "Mme") identity.civilite = civilite;
  return identity;
}
