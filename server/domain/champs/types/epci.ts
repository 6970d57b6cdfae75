/**
 * `epci` (« EPCI »): an établissement public de coopération intercommunale (communauté de communes,
 * d’agglomération, urbaine, métropole), stored as the reference does: its SIREN as code, its name,
 * and the département chosen with it (an EPCI over two départements is chosen in one of them) with
 * its région, for the conditions' operators.
 *
 * As for communes, typed text stays « unresolved » until the server finds one EPCI for it; the
 * candidates are kept in the draft for the usager to choose from.
 *
 * Form contract (works without JavaScript):
 * - `champ_<key>`: the name or SIREN typed (with JavaScript: the label of the chosen EPCI);
 * - `champ_<key>__code`: the chosen EPCI as « <SIREN>|<département code> » (a radio among the
 *   candidates, or the hidden input of the combobox).
 */
import { z } from "zod";
import type { EpciRecord } from "../../geo/reference-data";
import { searchKey } from "../../geo/search-text";
import { departementByCode } from "../../geo/territories";
import { FILL_DURATION, type FormPartReader, type TypeDeChampDefinition } from "../definition";
import { examplePrefill } from "../facets";
import { champError } from "../errors";
import { requiredError } from "../input";
import { choiceStringValue, isChoiceBlank, isResolvedChoice, parseChoiceInput, unresolvedFields } from "./territory-choice";
import { prefillList } from "./communes";
import { departementCodeOf } from "./departements";

/** Candidates of a search; a département has at most 28 EPCI, all proposed when prefill names it. */
export const EPCI_CANDIDATES_LIMIT = 20;
const EPCI_CANDIDATES_MAX = 40;

const SIREN = /^\d{9}$/;
const SELECTION = /^(\d{9})\|(\w{2,3})$/;

export const epciOptionsSchema = z.object({});
export type EpciOptions = z.infer<typeof epciOptionsSchema>;

const epciSchema = z.object({
  code: z.string().regex(SIREN),
  name: z.string().min(1),
  departementCode: z.string().min(2).max(3),
  regionCode: z.string().min(2).max(3),
});
export type EpciValue = z.infer<typeof epciSchema>;

const candidateSchema = epciSchema.omit({ regionCode: true });
export type EpciCandidate = z.infer<typeof candidateSchema>;

const unresolvedSchema = z.object({
  /** `query`: a name or a SIREN; `selection`: « <SIREN>|<département code> ». */
  ...unresolvedFields(SELECTION),
  /** Prefill [département code]: the EPCI of that département are proposed. */
  departementCode: z.string().min(2).max(3).optional(),
  candidates: z.array(candidateSchema).max(EPCI_CANDIDATES_MAX).optional(),
});
export type UnresolvedEpci = z.infer<typeof unresolvedSchema>;

export const epciValueSchema = z.union([epciSchema.strict(), unresolvedSchema.strict()]);
export type EpciFieldValue = z.infer<typeof epciValueSchema>;

export function isResolvedEpci(value: EpciFieldValue | null): value is EpciValue {
  return isResolvedChoice(value);
}

/** « CA du Grand Annecy (74) »: the text of a chosen EPCI in the form (the département tells the two halves of a cross-border one apart). */
export function epciLabel(epci: { name: string; departementCode: string }): string {
  return `${epci.name} (${epci.departementCode})`;
}

export function epciSelection(epci: { code: string; departementCode: string }): string {
  return `${epci.code}|${epci.departementCode}`;
}

function toValue(record: EpciRecord): EpciValue {
  const { code, name, departementCode, regionCode } = record;
  return { code, name, departementCode, regionCode };
}

function toCandidate(record: EpciRecord): EpciCandidate {
  const { code, name, departementCode } = record;
  return { code, name, departementCode };
}

/** True when `query` is the EPCI's label, name or SIREN (accents and case ignored). */
function namesEpci(query: string, epci: EpciValue): boolean {
  const key = searchKey(query);
  return key === searchKey(epciLabel(epci)) || key === searchKey(epci.name) || query.replace(/\s/g, "") === epci.code;
}

export const epci: TypeDeChampDefinition<EpciOptions, EpciFieldValue, "epci"> = {
  type: "epci",
  category: "localisation",
  hasValue: true,
  optionsSchema: epciOptionsSchema,
  defaultOptions: () => ({}),
  valueSchema: epciValueSchema,

  parseFormInput: (raw, _options, part?: FormPartReader) => parseChoiceInput(raw, part, SELECTION),

  validateForSubmit: (value, descriptor) => {
    if (value === null || epci.isBlank(value)) return requiredError(true, descriptor);
    if (isResolvedEpci(value)) return null;
    return champError(value.candidates?.length ? "epci_ambiguous" : "epci_not_found", descriptor);
  },

  isBlank: isChoiceBlank,
  displayValue: (value) => (value === null ? "" : isResolvedEpci(value) ? value.name : value.query),
  stringValue: (value) => choiceStringValue(value, (resolved) => resolved.name),

  graphqlTypename: "EpciChamp",
  graphqlDescriptorTypename: "EpciChampDescriptor",
  estimatedFillDuration: FILL_DURATION.short,

  // Reference format: [département code] or [département code, EPCI code]; checked by `resolve`.
  prefill: (raw) => {
    const list = prefillList(raw);
    const [departement, code] = list ?? [];
    const departementCode = departement === undefined ? undefined : departementCodeOf(departement);
    if (!list || list.length > 2 || !departementCode || !departementByCode(departementCode)) return null;
    if (code === undefined) return { query: "", departementCode };
    return SIREN.test(code) ? { query: "", selection: `${code}|${departementCode}` } : null;
  },

  resolve: async (value, { refs, previous, source }) => {
    const drop = source === "prefill";
    if (isResolvedEpci(value)) {
      const record = await refs.epci(value.code, value.departementCode);
      return record ? toValue(record) : drop ? null : { query: value.name, candidates: [] };
    }
    const query = value.query.trim();
    if (
      isResolvedEpci(previous) &&
      (!value.selection || value.selection === epciSelection(previous)) &&
      namesEpci(query, previous)
    ) {
      return previous;
    }
    if (value.selection) {
      const [code = "", departementCode = ""] = value.selection.split("|");
      const chosen = await refs.epci(code, departementCode);
      if (chosen && (query === "" || namesEpci(query, chosen))) return toValue(chosen);
      if (chosen && (await refs.searchEpcis(query, EPCI_CANDIDATES_LIMIT)).some((m) => epciSelection(m) === value.selection)) {
        return toValue(chosen);
      }
      if (drop) return null;
    }
    if (query === "") {
      if (!value.departementCode) return null;
      const candidates = (await refs.epcisInDepartement(value.departementCode)).slice(0, EPCI_CANDIDATES_MAX).map(toCandidate);
      return candidates.length === 0 && drop ? null : { query: "", departementCode: value.departementCode, candidates };
    }
    // « CA du Grand Annecy (74) »: a label picked earlier names one EPCI in one département.
    const labelled = query.match(/^(.+?)\s*\((\w{2,3})\)$/);
    const matches = await refs.searchEpcis(labelled?.[1] ?? query, EPCI_CANDIDATES_LIMIT);
    const exact = matches.filter((m) => m.exact && (!labelled || m.departementCode === labelled[2]?.toUpperCase()));
    const only = exact.length === 1 ? exact[0] : undefined;
    if (only) return toValue(only);
    const candidates = (exact.length > 1 ? exact : matches).map(toCandidate);
    if (candidates.length === 0 && drop) return null;
    return { query, candidates };
  },

  prefillFormat: examplePrefill(["56", "200067932"]),
  conditionValueType: "epci_enum",
  casts: {},
  // Typed text (a SIREN), turned into an EPCI by the server's resolution on save.
  sampleFormInput: () => "200042174",
};
