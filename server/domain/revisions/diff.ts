/**
 * What changed between two revisions of a démarche's form, as the reference's
 * `ProcedureRevision#compare_types_de_champ` and `#compare_ineligibilite_rules` report it
 * (`ProcedureRevisionChange::*`): fields added, removed, moved and changed (which attribute), and
 * changes of the ineligibility rules. Fields are matched by stable id, so a field edited through
 * copy-on-write is "the same field, changed". Shown to the administrateur before publishing.
 *
 * One improvement over the reference: a move is reported only for fields that really changed
 * place relative to the others (inserting a field at the top does not "move" every field below).
 */
import type { JsonValue } from "../champs/definition";
import { type Condition, conditionToJson, parseCondition } from "../conditions/ast";
import { isCompatibleTypeChange } from "./type-compatibility";

/** One field of a revision, as stored. */
export interface RevisionField {
  stableId: number;
  type: string;
  libelle: string;
  description: string | null;
  mandatory: boolean;
  /** Annotation privée (filled by instructeurs) rather than a field of the usager's form. */
  private: boolean;
  options: Record<string, unknown>;
  /** Visibility condition, parsed when the revision was read; null when always shown. */
  condition: Condition | null;
  /** Stable id of the enclosing repetition block; null at the top level of its list. */
  parentStableId: number | null;
}

export interface RevisionIneligibilite {
  enabled: boolean;
  message: string | null;
  /** Raw stored rules (reference JSON AST), null when none. */
  rules: unknown;
}

/** A revision's form: `fields` in form order (public list, then annotations; children after their block). */
export interface RevisionSnapshot {
  fields: readonly RevisionField[];
  ineligibilite: RevisionIneligibilite;
}

export interface ChampRef {
  stableId: number;
  /** The field's libellé in the newer revision (the older one for a removed field). */
  libelle: string;
  private: boolean;
}

export interface ParentRef {
  stableId: number;
  libelle: string;
}

export type ChampAttributeChange =
  | { attribute: "libelle"; from: string; to: string }
  | { attribute: "description"; from: string | null; to: string | null }
  | { attribute: "mandatory"; from: boolean; to: boolean }
  | { attribute: "type_champ"; from: string; to: string; valuesKept: boolean }
  | { attribute: "condition"; from: unknown; to: unknown }
  | { attribute: "parent"; from: ParentRef | null; to: ParentRef | null }
  | {
      attribute: "option";
      /** Key in the field's options (`options`, `other`, `characterLimit`, …). */
      option: string;
      from: JsonValue | null;
      to: JsonValue | null;
      /** For list options (drop-down choices): the entries added and removed. */
      added: string[];
      removed: string[];
    };

export type ChampChange =
  | (ChampRef & { kind: "add_champ"; type: string; mandatory: boolean; parent: ParentRef | null })
  | (ChampRef & { kind: "remove_champ"; parent: ParentRef | null })
  | (ChampRef & { kind: "move_champ"; fromPosition: number; toPosition: number })
  | (ChampRef & { kind: "update_champ" } & ChampAttributeChange);

export type IneligibiliteChange =
  | { kind: "ineligibilite_enabled" }
  | { kind: "ineligibilite_disabled" }
  | { kind: "add_ineligibilite_rules" }
  | { kind: "remove_ineligibilite_rules" }
  | { kind: "update_ineligibilite_rules" }
  | { kind: "update_ineligibilite_message"; from: string | null; to: string | null };

export type RevisionChange = ChampChange | IneligibiliteChange;

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A condition in comparable form (unknown keys dropped); null when there is none. */
function conditionKey(condition: Condition | null): string | null {
  return condition === null ? null : canonicalJson(conditionToJson(condition));
}

/** Stored ineligibility rules (raw jsonb) in comparable form; kept raw when they do not parse. */
function rulesKey(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const parsed = parseCondition(raw);
  return parsed ? conditionKey(parsed) : canonicalJson(raw);
}

const blankToNull = (text: string | null): string | null => (text === null || text.trim() === "" ? null : text);

const groupKey = (field: RevisionField) => `${field.private ? "p" : "c"}:${field.parentStableId ?? ""}`;

function groups(fields: readonly RevisionField[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const field of fields) {
    const key = groupKey(field);
    const list = map.get(key) ?? [];
    list.push(field.stableId);
    map.set(key, list);
  }
  return map;
}

/** Indexes (into `sequence`) of one longest strictly increasing subsequence. */
function longestIncreasingSubsequence(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  for (const [i, value] of sequence.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sequence[tails[mid] as number] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) kept.add(i);
  return kept;
}

/**
 * Fields that changed place among the fields kept in the same list, with their 1-based positions
 * in the whole list before and after.
 */
function movedFields(from: readonly RevisionField[], to: readonly RevisionField[]) {
  const fromGroups = groups(from);
  const toGroups = groups(to);
  const moves = new Map<number, { fromPosition: number; toPosition: number }>();
  for (const [key, toIds] of toGroups) {
    const fromIds = fromGroups.get(key) ?? [];
    const keptFrom = fromIds.filter((id) => toIds.includes(id));
    const keptTo = toIds.filter((id) => keptFrom.includes(id));
    const inPlace = longestIncreasingSubsequence(keptTo.map((id) => keptFrom.indexOf(id)));
    for (const [i, id] of keptTo.entries()) {
      if (!inPlace.has(i)) moves.set(id, { fromPosition: fromIds.indexOf(id) + 1, toPosition: toIds.indexOf(id) + 1 });
    }
  }
  return moves;
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

function optionChanges(from: Record<string, unknown>, to: Record<string, unknown>): ChampAttributeChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  const changes: ChampAttributeChange[] = [];
  for (const option of keys) {
    const before = from[option] ?? null;
    const after = to[option] ?? null;
    if (canonicalJson(before) === canonicalJson(after)) continue;
    const beforeList = stringList(before);
    const afterList = stringList(after);
    changes.push({
      attribute: "option",
      option,
      from: before as JsonValue | null,
      to: after as JsonValue | null,
      added: afterList ? afterList.filter((v) => !(beforeList ?? []).includes(v)) : [],
      removed: beforeList ? beforeList.filter((v) => !(afterList ?? []).includes(v)) : [],
    });
  }
  return changes;
}

function parentRef(fields: ReadonlyMap<number, RevisionField>, parentStableId: number | null): ParentRef | null {
  if (parentStableId === null) return null;
  return { stableId: parentStableId, libelle: fields.get(parentStableId)?.libelle ?? "" };
}

/** The attributes of one field that differ between two revisions, in the reference's order. */
export function compareChamp(
  from: RevisionField,
  to: RevisionField,
  parents: { from: ReadonlyMap<number, RevisionField>; to: ReadonlyMap<number, RevisionField> },
): ChampAttributeChange[] {
  const changes: ChampAttributeChange[] = [];
  if (from.libelle !== to.libelle) changes.push({ attribute: "libelle", from: from.libelle, to: to.libelle });
  if (blankToNull(from.description) !== blankToNull(to.description)) {
    changes.push({ attribute: "description", from: blankToNull(from.description), to: blankToNull(to.description) });
  }
  if (from.type !== to.type) {
    changes.push({
      attribute: "type_champ",
      from: from.type,
      to: to.type,
      valuesKept: isCompatibleTypeChange(from.type, to.type),
    });
  }
  if (from.mandatory !== to.mandatory) changes.push({ attribute: "mandatory", from: from.mandatory, to: to.mandatory });
  if (conditionKey(from.condition) !== conditionKey(to.condition)) {
    changes.push({ attribute: "condition", from: from.condition ?? null, to: to.condition ?? null });
  }
  if (from.parentStableId !== to.parentStableId) {
    changes.push({
      attribute: "parent",
      from: parentRef(parents.from, from.parentStableId),
      to: parentRef(parents.to, to.parentStableId),
    });
  }
  changes.push(...optionChanges(from.options, to.options));
  return changes;
}

export function compareIneligibilite(from: RevisionIneligibilite, to: RevisionIneligibilite): IneligibiliteChange[] {
  const changes: IneligibiliteChange[] = [];
  const fromRules = rulesKey(from.rules);
  const toRules = rulesKey(to.rules);
  if (fromRules === null && toRules !== null) changes.push({ kind: "add_ineligibilite_rules" });
  else if (fromRules !== null && toRules === null) changes.push({ kind: "remove_ineligibilite_rules" });
  else if (fromRules !== toRules) changes.push({ kind: "update_ineligibilite_rules" });
  const fromMessage = blankToNull(from.message);
  const toMessage = blankToNull(to.message);
  if (fromMessage !== toMessage) changes.push({ kind: "update_ineligibilite_message", from: fromMessage, to: toMessage });
  if (from.enabled !== to.enabled) changes.push({ kind: to.enabled ? "ineligibilite_enabled" : "ineligibilite_disabled" });
  return changes;
}

/**
 * Every change from `from` (the published revision) to `to` (the draft): in the newer form's
 * order, each field's addition or move and attribute changes, then the removed fields, then the
 * ineligibility rules. Empty when there is nothing to publish.
 */
export function compareRevisions(from: RevisionSnapshot, to: RevisionSnapshot): RevisionChange[] {
  const fromById = new Map(from.fields.map((f) => [f.stableId, f]));
  const toById = new Map(to.fields.map((f) => [f.stableId, f]));
  const moves = movedFields(from.fields, to.fields);
  const changes: RevisionChange[] = [];
  for (const field of to.fields) {
    const ref: ChampRef = { stableId: field.stableId, libelle: field.libelle, private: field.private };
    const before = fromById.get(field.stableId);
    if (!before) {
      changes.push({
        ...ref,
        kind: "add_champ",
        type: field.type,
        mandatory: field.mandatory,
        parent: parentRef(toById, field.parentStableId),
      });
      continue;
    }
    const move = moves.get(field.stableId);
    if (move) changes.push({ ...ref, kind: "move_champ", ...move });
    for (const change of compareChamp(before, field, { from: fromById, to: toById })) {
      changes.push({ ...ref, kind: "update_champ", ...change });
    }
  }
  for (const field of from.fields) {
    if (toById.has(field.stableId)) continue;
    changes.push({
      stableId: field.stableId,
      libelle: field.libelle,
      private: field.private,
      kind: "remove_champ",
      parent: parentRef(fromById, field.parentStableId),
    });
  }
  changes.push(...compareIneligibilite(from.ineligibilite, to.ineligibilite));
  return changes;
}

/**
 * A short fingerprint of a diff: the publication form carries the one the administrateur saw, and
 * publishing refuses if the draft changed since (someone else edited it meanwhile).
 */
export function diffFingerprint(changes: readonly RevisionChange[]): string {
  const text = canonicalJson(changes);
  // FNV-1a, 32 bits, twice with different seeds: enough to tell two diffs apart, no crypto needed.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
