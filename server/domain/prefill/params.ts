/**
 * What a prefill request carries, read the same way from a URL (`/commencer/<path>?champ_…=…`) and
 * from a JSON body (`POST /api/public/v1/demarches/<n>/dossiers`): the `champ_<field id>` keys and
 * the `identite_*` keys, nothing else. Pure: no I/O.
 *
 * URL arrays follow the reference's Rails conventions, so links built for it keep working:
 * `champ_X[]=a&champ_X[]=b` is a list, `champ_X[][champ_Y]=1&champ_X[][champ_Y]=2` a list of rows
 * (a key seen again starts a new row), `champ_X[0][champ_Y]=1` an indexed row; a plain key given
 * twice keeps its last value.
 */
import { createHash } from "node:crypto";
import { parseChampId } from "../form/champ-id";
import type { JsonValue } from "../champs/definition";

export const PREFILL_CHAMP_PREFIX = "champ_";
/** The reference names the civilité `identite_genre`; `identite_civilite` is accepted too. */
export const IDENTITY_KEYS = ["identite_prenom", "identite_nom", "identite_genre", "identite_civilite"] as const;

/** Beyond these, keys and list items are ignored: a form never has that many fields or rows. */
export const MAX_PREFILL_KEYS = 2000;
export const MAX_LIST_ITEMS = 1000;

/** Prefill keys (`champ_…`, `identite_…`) with their raw values, in the order given. */
export type PrefillParams = Record<string, JsonValue>;

export function isPrefillKey(key: string): boolean {
  return (key.startsWith(PREFILL_CHAMP_PREFIX) && key.length > PREFILL_CHAMP_PREFIX.length) || isIdentityKey(key);
}

function isIdentityKey(key: string): boolean {
  return (IDENTITY_KEYS as readonly string[]).includes(key);
}

/**
 * The stable id named by a `champ_<field id>` key (top-level field ids only: children of a block
 * are set through their block). The id is standard base64 with or without its `=` padding.
 */
export function stableIdOfPrefillKey(key: string): number | null {
  if (!key.startsWith(PREFILL_CHAMP_PREFIX)) return null;
  const parsed = parseChampId(key.slice(PREFILL_CHAMP_PREFIX.length));
  return parsed && parsed.rowId === null ? parsed.stableId : null;
}

/** The prefill key of a field, as the reference's prefill page shows it (no `=` padding). */
export function prefillKeyOf(fieldId: string): string {
  return `${PREFILL_CHAMP_PREFIX}${fieldId.replace(/=+$/, "")}`;
}

type Bracket = { base: string; path: string[] };

/** `a[][b]` → base `a`, path `["", "b"]`; null when the brackets are malformed. */
function splitBrackets(name: string): Bracket | null {
  const open = name.indexOf("[");
  if (open < 0) return { base: name, path: [] };
  const base = name.slice(0, open);
  const rest = name.slice(open);
  const parts = [...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "");
  if (parts.map((p) => `[${p}]`).join("") !== rest) return null;
  return { base, path: parts };
}

type Row = Record<string, JsonValue>;

/** Appends one `base[]…` pair to the list being built, as Rails does. */
function addToList(list: JsonValue[], path: string[], value: string) {
  if (list.length >= MAX_LIST_ITEMS && path.length <= 1) return;
  if (path.length === 1) {
    list.push(value);
    return;
  }
  // `[][key]`: a new row when the last one already has this key (or is not a row).
  const key = path[1] as string;
  const last = list[list.length - 1];
  if (path.length === 2 && last !== undefined && isRow(last) && !(key in last)) {
    last[key] = value;
  } else if (path.length === 2 && list.length < MAX_LIST_ITEMS) {
    list.push({ [key]: value });
  }
}

function isRow(value: JsonValue | undefined): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Prefill parameters of a URL query. Only `champ_…`/`identite_…` keys are kept; deeper nestings
 * than the reference's (`a[][b][c]`) are ignored.
 */
export function prefillParamsFromSearch(search: URLSearchParams): PrefillParams {
  const params: PrefillParams = {};
  const indexed = new Map<string, Map<number, Row>>();
  let seen = 0;
  for (const [name, value] of search) {
    if (++seen > MAX_PREFILL_KEYS) break;
    const bracket = splitBrackets(name);
    if (!bracket || !isPrefillKey(bracket.base) || bracket.path.length > 2) continue;
    const { base, path } = bracket;
    if (path.length === 0) {
      params[base] = value;
      continue;
    }
    if (path[0] === "") {
      const current = params[base];
      const list = Array.isArray(current) ? current : [];
      params[base] = list;
      addToList(list, path, value);
      continue;
    }
    // `[<n>][key]`: an indexed row, ordered by its index.
    const index = Number(path[0]);
    if (path.length !== 2 || !/^\d{1,4}$/.test(path[0] as string) || index >= MAX_LIST_ITEMS) continue;
    const rows = indexed.get(base) ?? new Map<number, Row>();
    indexed.set(base, rows);
    const row = rows.get(index) ?? {};
    rows.set(index, row);
    row[path[1] as string] = value;
  }
  for (const [base, rows] of indexed) {
    if (base in params) continue;
    params[base] = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }
  return params;
}

/** Prefill parameters of a JSON body: null when the body is not a JSON object; other keys are ignored. */
export function prefillParamsFromJson(body: unknown): PrefillParams | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const params: PrefillParams = {};
  let seen = 0;
  for (const [key, value] of Object.entries(body as Record<string, JsonValue>)) {
    if (++seen > MAX_PREFILL_KEYS) break;
    if (isPrefillKey(key)) params[key] = value;
  }
  return params;
}

export function hasPrefillParams(params: PrefillParams): boolean {
  return Object.keys(params).length > 0;
}

/** JSON with object keys sorted at every level, so equal parameters always give equal text. */
function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRow(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of the parameters: a reload of the same prefill link gives the same digest, so the
 * visitor finds the dossier created by the first visit instead of a new one.
 */
export function prefillDigest(params: PrefillParams): string {
  return createHash("sha256").update(canonicalJson(params), "utf8").digest("hex");
}
