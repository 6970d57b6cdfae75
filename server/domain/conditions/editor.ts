/**
 * The condition editor's model, shared by the administrateur's pages (server and browser) and the
 * operations that save conditions: which fields a rule may read, which operators and values are
 * offered for each, and the conversion between the editor's rows and the reference's AST.
 *
 * As in the reference's editor (`TypesDeChampEditor::ConditionsComponent`), a condition is a list of
 * rows « [field] [operator] [value] » joined by one top-level « et » (`Logic::And`) or « ou »
 * (`Logic::Or`): one row is stored as the bare operator, several as an And/Or of them. A row not
 * filled in yet is stored with `Logic::Empty` placeholders, so that work in progress is kept; it
 * reads as `empty` (incomplete) and blocks publication. Pure.
 */
import {
  type BinaryNode,
  type BinaryTerm,
  BINARY_TERMS,
  type Condition,
  champValue,
  constant,
  empty,
  isBinary,
  isNary,
  readStoredCondition,
} from "./ast";
import { OTHER_VALUE } from "./evaluate";
import { type ChampValueType, champValueType, isConditionable } from "./types";
import { type AvailableChamp, type ConditionErrorCode, conditionErrors, operatorsFor } from "./validate";

/** A field of the form as the editor needs it: flat list in form order, each block followed by its children. */
export interface ConditionField {
  stableId: number;
  type: string;
  libelle: string;
  parentStableId: number | null;
  /** Stored options; only `options` (choices) and `other` are read. */
  options: Record<string, unknown>;
}

export interface Choice {
  value: string;
  label: string;
}

/** Lists offered for geographic fields and operators (bundled official data). */
export interface ChoiceLists {
  departements: readonly Choice[];
  regions: readonly Choice[];
  pays: readonly Choice[];
}

export type Combinator = "Logic::And" | "Logic::Or";
export const COMBINATORS: readonly Combinator[] = ["Logic::And", "Logic::Or"];

/** One row of the editor; `value` is what the input holds (booleans "true"/"false"). */
export interface ConditionRow {
  stableId: number | null;
  operator: BinaryTerm | null;
  value: string;
}

export interface ConditionRows {
  combinator: Combinator;
  rows: ConditionRow[];
}

/** What the value input of a row is: yes/no, a number, or a choice in a list. */
export type ValueInput =
  | { kind: "boolean" }
  | { kind: "number" }
  | { kind: "choice"; list: "options" | "departements" | "regions" | "pays"; choices: readonly Choice[] };

export const emptyRow = (): ConditionRow => ({ stableId: null, operator: null, value: "" });

/**
 * The rows to save: a rule whose field is not chosen yet (« Ajouter une règle » just pressed) is
 * being written, not part of the condition — saving it would store an empty rule that blocks publication.
 */
export function withoutBlankRows(state: ConditionRows): ConditionRows {
  return { ...state, rows: state.rows.filter((row) => row.stableId !== null) };
}

/** More rules than anyone writes by hand; bounds the work a request can ask for. */
export const MAX_CONDITION_ROWS = 50;

/** Operators the editor offers, without the placeholder. */
export const OFFERED_TERMS = BINARY_TERMS.filter((term) => term !== "Logic::EmptyOperator");

export function isOfferedTerm(value: string): value is BinaryTerm {
  return (OFFERED_TERMS as readonly string[]).includes(value);
}

function choicesOf(field: ConditionField): string[] {
  const options = field.options.options;
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
}

/**
 * The fields a visibility condition of `stableId` may read: the conditionable fields above it — for
 * a field of a repetition block, the top-level fields above the block and its siblings above it.
 */
export function availableForField<T extends ConditionField>(fields: readonly T[], stableId: number): T[] {
  const index = fields.findIndex((f) => f.stableId === stableId);
  if (index < 0) return [];
  const target = fields[index] as T;
  const parentIndex = target.parentStableId === null ? -1 : fields.findIndex((f) => f.stableId === target.parentStableId);
  const topLevelEnd = target.parentStableId === null ? index : parentIndex;
  if (target.parentStableId !== null && parentIndex < 0) return [];
  const topLevel = fields.slice(0, Math.max(0, topLevelEnd)).filter((f) => f.parentStableId === null);
  const siblings =
    target.parentStableId === null ? [] : fields.slice(0, index).filter((f) => f.parentStableId === target.parentStableId);
  return [...topLevel, ...siblings].filter((f) => isConditionable(f.type));
}

/**
 * The fields the conditions of the annotations privées are checked against: the usager's form
 * first (an annotation may read any of its fields, as in the reference), then the annotations. The
 * usager's fields come without their own condition: those are checked with their own form.
 */
export function annotationConditionScope<T extends { condition?: unknown }>(
  publicFields: readonly T[],
  privateFields: readonly T[],
): T[] {
  return [...publicFields.map((field) => ({ ...field, condition: null })), ...privateFields];
}

/** The fields ineligibility rules may read: every conditionable top-level field. */
export function availableForIneligibilite<T extends ConditionField>(fields: readonly T[]): T[] {
  return fields.filter((f) => f.parentStableId === null && isConditionable(f.type));
}

/**
 * Per field object, computed once: validating 5,000 routing rules against the same 5,000-option
 * drop-down must not rebuild its option list for each rule (the groupes page, publication checks).
 */
const AVAILABLE_CHAMPS = new WeakMap<ConditionField, AvailableChamp>();
const OPTION_CHOICES = new WeakMap<ConditionField, { choices: Choice[]; values: ReadonlySet<string> }>();

function toAvailableChamp(field: ConditionField): AvailableChamp {
  let champ = AVAILABLE_CHAMPS.get(field);
  if (!champ) {
    champ = computeAvailableChamp(field);
    AVAILABLE_CHAMPS.set(field, champ);
  }
  return champ;
}

function computeAvailableChamp(field: ConditionField): AvailableChamp {
  const choices = field.type === "drop_down_list" || field.type === "multiple_drop_down_list" ? choicesOf(field) : undefined;
  return {
    stableId: field.stableId,
    type: field.type as AvailableChamp["type"],
    ...(choices ? { options: choices } : {}),
    other: field.type === "drop_down_list" && field.options.other === true,
  };
}

/** The value input of a row for this field and operator (null: the field cannot be used in a rule). */
export function valueInputFor(field: ConditionField, operator: BinaryTerm | null, lists: ChoiceLists): ValueInput | null {
  const valueType: ChampValueType = champValueType(field.type);
  const regionOperator = operator === "Logic::InRegionOperator" || operator === "Logic::NotInRegionOperator";
  switch (valueType) {
    case "boolean":
      return { kind: "boolean" };
    case "number":
      return { kind: "number" };
    case "enum":
      if (field.type === "regions") return { kind: "choice", list: "regions", choices: lists.regions };
      if (field.type === "pays") return { kind: "choice", list: "pays", choices: lists.pays };
      return { kind: "choice", list: "options", choices: optionChoices(field) };
    case "enums":
      return { kind: "choice", list: "options", choices: optionChoices(field) };
    case "departement_enum":
    case "commune_enum":
    case "epci_enum":
    case "address":
      return regionOperator
        ? { kind: "choice", list: "regions", choices: lists.regions }
        : { kind: "choice", list: "departements", choices: lists.departements };
    default:
      return null;
  }
}

/** A drop-down's choices, with « Autre » (label left empty: the page names it) when enabled. */
function optionChoices(field: ConditionField): Choice[] {
  return cachedOptionChoices(field).choices;
}

function cachedOptionChoices(field: ConditionField): { choices: Choice[]; values: ReadonlySet<string> } {
  let cached = OPTION_CHOICES.get(field);
  if (!cached) {
    const base = choicesOf(field).map((option) => ({ value: option, label: option }));
    const choices =
      field.type === "drop_down_list" && field.options.other === true ? [...base, { value: OTHER_VALUE, label: "" }] : base;
    cached = { choices, values: new Set(choices.map((c) => c.value)) };
    OPTION_CHOICES.set(field, cached);
  }
  return cached;
}

/** The operators offered for a field (empty when it cannot be used). */
export function operatorsOffered(field: ConditionField): BinaryTerm[] {
  return operatorsFor(field.type as AvailableChamp["type"]).filter(isOfferedTerm);
}

function valueInputKey(input: ValueInput | null): string {
  return input === null ? "none" : input.kind === "choice" ? `choice:${input.list}` : input.kind;
}

/**
 * A row as submitted, given the field and operator its inputs were shown for: a new field gets
 * its first operator and an empty value (the values of the previous field mean nothing for it), a
 * new operator that takes another kind of value (département ↔ région) empties the value.
 */
export function normalizeRow(
  row: ConditionRow,
  shown: { stableId: number | null; operator: BinaryTerm | null },
  available: readonly ConditionField[],
  lists: ChoiceLists,
): ConditionRow {
  const field = available.find((f) => f.stableId === row.stableId);
  if (row.stableId !== shown.stableId) {
    return { stableId: row.stableId, operator: field ? (operatorsOffered(field)[0] ?? null) : null, value: "" };
  }
  if (field && row.operator !== shown.operator) {
    const before = valueInputKey(valueInputFor(field, shown.operator, lists));
    const after = valueInputKey(valueInputFor(field, row.operator, lists));
    if (before !== after) return { ...row, value: "" };
  }
  return row;
}

/** "12", "-3", "1,5", "1 000,25": a number as typed by a French or English speaker. */
export function parseNumberInput(value: string): number | null {
  const compact = value
    .replace(/[\s\u00A0\u202F]/g, "")
    .replace(/\u2212/g, "-")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  const n = Number(compact);
  return Number.isFinite(n) ? n : null;
}

/**
 * The AST of one row, and the error of its value input when it cannot be read (not a number…).
 * A field outside `available` keeps a text value: the rule then reads as `not_available`.
 */
export function ruleOfRow(
  row: ConditionRow,
  available: readonly ConditionField[],
): { node: BinaryNode; error: ConditionErrorCode | null } {
  if (row.stableId === null) return { node: { term: "Logic::EmptyOperator", left: empty(), right: empty() }, error: null };
  const left = champValue(row.stableId);
  if (row.operator === null) return { node: { term: "Logic::EmptyOperator", left, right: empty() }, error: null };
  const value = row.value.trim();
  if (value === "") return { node: { term: row.operator, left, right: empty() }, error: null };
  const field = available.find((f) => f.stableId === row.stableId);
  switch (field ? champValueType(field.type) : "unmanaged") {
    case "boolean":
      if (value !== "true" && value !== "false")
        return { node: { term: row.operator, left, right: empty() }, error: "incompatible" };
      return { node: { term: row.operator, left, right: constant(value === "true") }, error: null };
    case "number": {
      const n = parseNumberInput(value);
      if (n === null) return { node: { term: row.operator, left, right: empty() }, error: "required_number" };
      return { node: { term: row.operator, left, right: constant(n) }, error: null };
    }
    default:
      return { node: { term: row.operator, left, right: constant(value) }, error: null };
  }
}

/** The condition the rows make (null without rows), and each row's input error. */
export function conditionOfRows(
  state: ConditionRows,
  available: readonly ConditionField[],
): { condition: Condition | null; inputErrors: Array<ConditionErrorCode | null> } {
  const rules = state.rows.map((row) => ruleOfRow(row, available));
  const inputErrors = rules.map((r) => r.error);
  if (rules.length === 0) return { condition: null, inputErrors };
  if (rules.length === 1) return { condition: (rules[0] as { node: BinaryNode }).node, inputErrors };
  return { condition: { term: state.combinator, operands: rules.map((r) => r.node) }, inputErrors };
}

function rowOfNode(node: Condition): ConditionRow | null {
  if (!isBinary(node)) return null;
  const { left, right } = node;
  if (left.term !== "Logic::ChampValue" && left.term !== "Logic::Empty") return null;
  if (right.term !== "Logic::Constant" && right.term !== "Logic::Empty") return null;
  if (right.term === "Logic::Constant" && Array.isArray(right.value)) return null;
  return {
    stableId: left.term === "Logic::ChampValue" ? left.stable_id : null,
    operator: node.term === "Logic::EmptyOperator" ? null : node.term,
    value: right.term === "Logic::Constant" ? String(right.value) : "",
  };
}

/**
 * The editor rows of a stored condition (none for null). Null when the condition has a shape the
 * rows cannot show (nested And/Or, a list constant…): it can then only be removed.
 */
export function rowsOfCondition(condition: Condition | null): ConditionRows | null {
  if (condition === null) return { combinator: "Logic::And", rows: [] };
  if (isNary(condition)) {
    const rows = condition.operands.map(rowOfNode);
    if (rows.length < 2 || rows.some((row) => row === null)) return null;
    return { combinator: condition.term, rows: rows as ConditionRow[] };
  }
  const row = rowOfNode(condition);
  return row ? { combinator: "Logic::And", rows: [row] } : null;
}

/** A value outside the offered choices (a département code that does not exist…). */
function choiceError(node: BinaryNode, available: readonly ConditionField[], lists: ChoiceLists): ConditionErrorCode | null {
  if (node.left.term !== "Logic::ChampValue" || node.right.term !== "Logic::Constant") return null;
  const stableId = node.left.stable_id;
  const field = available.find((f) => f.stableId === stableId);
  const input = field ? valueInputFor(field, node.term, lists) : null;
  if (input?.kind !== "choice" || typeof node.right.value !== "string") return null;
  const value = node.right.value;
  // A field's own options: the cached set (5,000 rules on a 5,000-option drop-down); other lists are small.
  if (field && input.list === "options") return cachedOptionChoices(field).values.has(value) ? null : "not_included";
  return input.choices.some((choice) => choice.value === value) ? null : "not_included";
}

/**
 * Every error of a condition read by the editor: the reference's checks (`conditionErrors`) plus
 * values outside the offered lists. `empty` means "not filled in yet".
 */
export function ruleErrors(condition: Condition, available: readonly ConditionField[], lists: ChoiceLists): ConditionErrorCode[] {
  if (isNary(condition)) {
    if (condition.operands.length === 0) return ["empty_operands"];
    return condition.operands.flatMap((operand) =>
      isNary(operand) || isBinary(operand) ? ruleErrors(operand, available, lists) : ["required_boolean" as const],
    );
  }
  const codes = conditionErrors(condition, available.map(toAvailableChamp)).map((e) => e.code);
  if (codes.length > 0 || !isBinary(condition)) return [...new Set(codes)];
  const choice = choiceError(condition, available, lists);
  return choice ? [choice] : [];
}

/** Errors that forbid saving; `empty` (a row not filled in yet) is saved and flagged. */
export function blockingErrors(codes: readonly ConditionErrorCode[]): ConditionErrorCode[] {
  return codes.filter((code) => code !== "empty");
}

/** The errors of each row, as the editor shows them (input errors first). */
export function rowErrors(
  state: ConditionRows,
  available: readonly ConditionField[],
  lists: ChoiceLists,
): ConditionErrorCode[][] {
  return state.rows.map((row) => {
    const { node, error } = ruleOfRow(row, available);
    return error ? [error] : ruleErrors(node, available, lists);
  });
}

/** A field's visibility condition as read from the database (`readStoredCondition`). */
export interface StoredFieldCondition {
  condition?: Condition | null;
  conditionMalformed?: boolean;
}

/** Errors of a parsed condition: `malformed` when the stored JSON was not a condition at all. */
export function fieldConditionErrors(
  stored: StoredFieldCondition,
  available: readonly ConditionField[],
  lists: ChoiceLists,
): Array<ConditionErrorCode | "malformed"> {
  if (stored.conditionMalformed) return ["malformed"];
  return stored.condition ? ruleErrors(stored.condition, available, lists) : [];
}

/** Errors of stored (raw jsonb) rules (ineligibility, routing): `malformed` when they are not a condition at all. */
export function storedConditionErrors(
  raw: unknown,
  available: readonly ConditionField[],
  lists: ChoiceLists,
): Array<ConditionErrorCode | "malformed"> {
  const { condition, malformed } = readStoredCondition(raw);
  return fieldConditionErrors({ condition, conditionMalformed: malformed }, available, lists);
}

/** Stable ids of the fields whose visibility condition has an error (incomplete ones included). */
export function fieldsWithInvalidCondition(
  fields: ReadonlyArray<ConditionField & StoredFieldCondition>,
  lists: ChoiceLists,
): number[] {
  return fields
    .filter((field) => fieldConditionErrors(field, availableForField(fields, field.stableId), lists).length > 0)
    .map((field) => field.stableId);
}

export const INELIGIBILITE_MESSAGE_MAX = 1000;

/**
 * What is wrong with enabled ineligibility rules, for publication: no message, no rule, or a rule
 * with an error (incomplete included). Disabled rules are never a problem.
 */
export function ineligibiliteProblems(
  ineligibilite: { enabled: boolean; message: string | null; rules: unknown },
  fields: readonly ConditionField[],
  lists: ChoiceLists,
): Array<"message_required" | "message_too_long" | "rules_required" | "rules_invalid"> {
  if (!ineligibilite.enabled) return [];
  const problems: Array<"message_required" | "message_too_long" | "rules_required" | "rules_invalid"> = [];
  const message = ineligibilite.message?.trim() ?? "";
  if (message === "") problems.push("message_required");
  if (message.length > INELIGIBILITE_MESSAGE_MAX) problems.push("message_too_long");
  if (ineligibilite.rules === null || ineligibilite.rules === undefined) problems.push("rules_required");
  else if (storedConditionErrors(ineligibilite.rules, availableForIneligibilite(fields), lists).length > 0)
    problems.push("rules_invalid");
  return problems;
}
