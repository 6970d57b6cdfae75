/**
 * `communes` (« Communes »): a French commune for one of its postal codes, as the reference stores
 * it (INSEE code as `external_id`, name as value, postal code and département in `value_json`). The
 * value carries the codes of its territory, so displays, the API and the conditions' département and
 * région operators need no lookup.
 *
 * What the usager typed may not name one commune yet: the value then stays « unresolved » (the
 * text, and the candidates once the server has searched), nothing typed is lost, and submission
 * asks to choose. The server turns typed text into a commune with `resolve` (bundled official data).
 *
 * Form contract (works without JavaScript):
 * - `champ_<key>`: the name or postal code typed (with JavaScript: the label of the chosen commune);
 * - `champ_<key>__code`: the chosen commune as « <INSEE>|<postal code> » (a radio among the
 *   candidates, or the hidden input the combobox fills); ignored when the text no longer names it.
 */
import { z } from "zod";
import type { CommuneRecord } from "../../geo/reference-data";
import { searchKey } from "../../geo/search-text";
import { FILL_DURATION, type FormPartReader, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { normalizeLine, prefillText, requiredError } from "../input";
import { choiceStringValue, isChoiceBlank, isResolvedChoice, parseChoiceInput, unresolvedFields } from "./territory-choice";

/** At most this many candidates are proposed (and kept in a draft). */
export const COMMUNE_CANDIDATES_LIMIT = 20;

const INSEE = /^(\d{5}|2[AB]\d{3})$/;
const POSTAL = /^\d{5}$/;
const SELECTION = /^(\d{5}|2[AB]\d{3})\|(\d{5})$/;

export const communesOptionsSchema = z.object({});
export type CommunesOptions = z.infer<typeof communesOptionsSchema>;

const communeSchema = z.object({
  code: z.string().regex(INSEE),
  postalCode: z.string().regex(POSTAL),
  name: z.string().min(1),
  departementCode: z.string().min(2).max(3),
  regionCode: z.string().min(2).max(3),
});
export type CommuneValue = z.infer<typeof communeSchema>;

const candidateSchema = communeSchema.omit({ regionCode: true });
export type CommuneCandidate = z.infer<typeof candidateSchema>;

const unresolvedSchema = z.object({
  /** `query`: a name, a postal code, or both; `selection`: « <INSEE>|<postal code> ». */
  ...unresolvedFields(SELECTION),
  /** Set by `resolve`: several communes (or only near matches) answer `query`; empty: none. */
  candidates: z.array(candidateSchema).max(COMMUNE_CANDIDATES_LIMIT).optional(),
});
export type UnresolvedCommune = z.infer<typeof unresolvedSchema>;

export const communeValueSchema = z.union([communeSchema.strict(), unresolvedSchema.strict()]);
export type CommunesValue = z.infer<typeof communeValueSchema>;

export function isResolvedCommune(value: CommunesValue | null): value is CommuneValue {
  return isResolvedChoice(value);
}

/** « Paris 15e Arrondissement (75015) », as the reference displays a commune. */
export function communeLabel(commune: { name: string; postalCode: string }): string {
  return `${commune.name} (${commune.postalCode})`;
}

export function communeSelection(commune: { code: string; postalCode: string }): string {
  return `${commune.code}|${commune.postalCode}`;
}

function toValue(record: CommuneRecord): CommuneValue {
  const { code, postalCode, name, departementCode, regionCode } = record;
  return { code, postalCode, name, departementCode, regionCode };
}

function toCandidate(record: CommuneRecord): CommuneCandidate {
  const { code, postalCode, name, departementCode } = record;
  return { code, postalCode, name, departementCode };
}

function sameChoice(a: { code: string; postalCode: string }, selection: string | undefined): boolean {
  return selection !== undefined && communeSelection(a) === selection;
}

export const communes: TypeDeChampDefinition<CommunesOptions, CommunesValue, "communes"> = {
  type: "communes",
  category: "localisation",
  hasValue: true,
  optionsSchema: communesOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: communeValueSchema,

  parseFormInput: (raw, _options, part?: FormPartReader) => parseChoiceInput(raw, part, SELECTION),

  validateForSubmit: (value, descriptor) => {
    if (value === null || communes.isBlank(value)) return requiredError(true, descriptor);
    if (isResolvedCommune(value)) return null;
    return champError(value.candidates?.length ? "commune_ambiguous" : "commune_not_found", descriptor);
  },

  // Only what was typed counts: candidates proposed for an empty text (prefill) are no answer yet.
  isBlank: isChoiceBlank,
  displayValue: (value) => (value === null ? "" : isResolvedCommune(value) ? communeLabel(value) : value.query),
  stringValue: (value) => choiceStringValue(value, communeLabel),

  graphqlTypename: "CommuneChamp",
  graphqlDescriptorTypename: "CommuneChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: [postal code] or [postal code, INSEE code]; resolved (and checked) by `resolve`.
  prefill: (raw) => {
    const list = prefillList(raw);
    const [postalCode, code] = list ?? [];
    if (!list || list.length > 2 || !postalCode || !POSTAL.test(postalCode)) return null;
    if (code === undefined) return { query: postalCode };
    return INSEE.test(code) ? { query: postalCode, selection: `${code}|${postalCode}` } : null;
  },

  resolve: async (value, { refs, previous, source }) => {
    const drop = source === "prefill";
    if (isResolvedCommune(value)) {
      const record = await refs.commune(value.code, value.postalCode);
      return record ? toValue(record) : drop ? null : { query: communeLabel(value), candidates: [] };
    }
    const query = value.query.trim();
    // Unchanged since the last save (same text, same choice if any): kept without searching again.
    if (
      isResolvedCommune(previous) &&
      (!value.selection || sameChoice(previous, value.selection)) &&
      namesCommune(query, previous)
    ) {
      return previous;
    }
    if (value.selection) {
      const [code = "", postalCode = ""] = value.selection.split("|");
      const chosen = await refs.commune(code, postalCode);
      // The choice counts while the text still names it; otherwise the usager typed something new.
      if (chosen && (query === "" || query === postalCode || namesCommune(query, chosen))) return toValue(chosen);
      if (chosen && (await refs.searchCommunes(query, COMMUNE_CANDIDATES_LIMIT)).some((m) => sameChoice(m, value.selection))) {
        return toValue(chosen);
      }
      // Prefill [postal code, INSEE code] naming no commune of that postal code is dropped.
      if (drop) return null;
    }
    if (query === "") return null;
    const matches = await refs.searchCommunes(query, COMMUNE_CANDIDATES_LIMIT);
    const exact = matches.filter((match) => match.exact);
    const only = exact.length === 1 ? exact[0] : undefined;
    if (only) return toValue(only);
    const candidates = (exact.length > 1 ? exact : matches).map(toCandidate);
    if (candidates.length === 0 && drop) return null;
    return { query, candidates };
  },

  prefillFormat: examplePrefill(["56000", "56260"]),
  conditionValueType: "commune_enum",
  casts: {},
  // Typed text (a postal code), turned into a commune by the server's resolution on save.
  sampleFormInput: () => "56100",
};

/** True when `query` is the commune's label, name or postal code (accents and case ignored). */
function namesCommune(query: string, commune: { name: string; postalCode: string }): boolean {
  const key = searchKey(query);
  return key === searchKey(communeLabel(commune)) || key === searchKey(commune.name) || query === commune.postalCode;
}

/** Prefill lists come as JSON arrays, or as their text in a URL; a single value is a list of one. */
export function prefillList(raw: unknown): string[] | null {
  let list: unknown = raw;
  if (typeof list === "string" && list.trim().startsWith("[")) {
    try {
      list = JSON.parse(list);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(list)) list = [list];
  const texts = (list as unknown[]).map((item) => prefillText(item));
  if (texts.some((text) => text === null)) return null;
  return texts.map((text) => normalizeLine(text ?? ""));
}
