/**
 * What the list indexes of one dossier, pure: one typed row per top-level field value (filters and
 * sorts, table `dossier_values`) and one normalised search document (number, e-mail, identity,
 * every value, repetition rows included; table `dossier_search`), and the same without the
 * annotations privées for the experts' search (`publicDocument`, null when there are none).
 */
import type { Locale } from "../../../common/i18n/types";
import { getTypeDeChamp, resolveOptions } from "../champs/registry";
import type { ChampDescriptor } from "../champs/definition";
import { columnTypeOf } from "./columns";
import { parseIsoDate } from "./filters";
import { normalizeText } from "./normalize";

export interface IndexedValue {
  stableId: number;
  text: string | null;
  number: number | null;
  date: string | null;
  bool: boolean | null;
}

type Field = Pick<ChampDescriptor, "stableId" | "type" | "options"> & { parentStableId: number | null };

const SEARCH_DOCUMENT_MAX = 100_000;

/** Stored value → display text of its type ("" when blank or unreadable). */
function displayOf(field: Field, value: unknown, locale: Locale): string {
  const definition = getTypeDeChamp(field.type);
  if (!definition.hasValue || value === null || value === undefined) return "";
  const parsed = definition.valueSchema.safeParse(value);
  if (!parsed.success || definition.isBlank(parsed.data)) return "";
  const options = resolveOptions(field);
  try {
    return definition.displayValue(parsed.data, options.ok ? options.options : {}, locale);
  } catch {
    return definition.stringValue(parsed.data) ?? "";
  }
}

export function indexedValueOf(field: Field, value: unknown): IndexedValue | null {
  const type = columnTypeOf(field.type);
  if (!type || field.parentStableId !== null) return null;
  const definition = getTypeDeChamp(field.type);
  const parsed = definition.valueSchema.safeParse(value);
  if (!parsed.success || definition.isBlank(parsed.data)) return null;
  const text = definition.stringValue(parsed.data);
  if (text === null || text === "") return null;
  const row: IndexedValue = {
    stableId: field.stableId,
    text: normalizeText(text).slice(0, 2000),
    number: null,
    date: null,
    bool: null,
  };
  if (type === "number") {
    const number = Number(text.replace(",", ".").replace(/\s/g, ""));
    row.number = Number.isFinite(number) ? number : null;
  } else if (type === "date") {
    row.date = parseIsoDate(text.slice(0, 10));
  } else if (type === "boolean") {
    row.bool = text === "true";
  }
  return row;
}

export function indexDossier(input: {
  dossierId: number;
  email: string | null;
  identity: { nom: string | null; prenom: string | null };
  fields: readonly Field[];
  /** The annotations privées among `fields`: left out of `publicDocument`. */
  privateStableIds?: ReadonlySet<number>;
  /** Stored values by champ key (`<stableId>` or `<stableId>|<rowId>`). */
  values: ReadonlyMap<string, unknown>;
  locale: Locale;
}): { values: IndexedValue[]; document: string; publicDocument: string | null } {
  const byStableId = new Map(input.fields.map((f) => [f.stableId, f]));
  const isPrivate = (field: Field) => input.privateStableIds?.has(field.parentStableId ?? field.stableId) ?? false;
  const values: IndexedValue[] = [];
  const words: string[] = [String(input.dossierId)];
  const privateWords: string[] = [];
  if (input.email) words.push(input.email, input.email.replace(/[^\p{L}\p{N}]+/gu, " "));
  if (input.identity.nom) words.push(input.identity.nom);
  if (input.identity.prenom) words.push(input.identity.prenom);
  for (const [key, value] of input.values) {
    const [stableText, rowId] = key.split("|");
    const field = byStableId.get(Number(stableText));
    if (!field) continue;
    if (!rowId) {
      const row = indexedValueOf(field, value);
      if (row) values.push(row);
    }
    const shown = displayOf(field, value, input.locale);
    if (shown) (isPrivate(field) ? privateWords : words).push(shown);
  }
  // The public words first: the document (cut at its maximum) holds every word of the public one.
  const publicDocument = normalizeText(words.join(" ")).slice(0, SEARCH_DOCUMENT_MAX);
  const document = normalizeText([...words, ...privateWords].join(" ")).slice(0, SEARCH_DOCUMENT_MAX);
  return { values, document, publicDocument: privateWords.length > 0 ? publicDocument : null };
}
