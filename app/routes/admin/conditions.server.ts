/**
 * The condition editors' server side (works without JavaScript): the rows a form sends, with the
 * button pressed (`op`: save, add, remove-<n>, clear), turned into the condition to save; and the
 * form editor's "condition" intent. A row whose field (or operator) changed since the page showed
 * it gets fresh operator/value choices, so the page re-renders with what suits the new field.
 */
import { data, redirect } from "react-router";
import type { BinaryTerm } from "../../../server/domain/conditions/ast";
import {
  availableForField,
  blockingErrors,
  type ChoiceLists,
  type ConditionField,
  type ConditionRows,
  conditionOfRows,
  withoutBlankRows,
  emptyRow,
  isOfferedTerm,
  MAX_CONDITION_ROWS,
  normalizeRow,
  rowErrors,
} from "../../../server/domain/conditions/editor";
import type { Db } from "../../../server/db/client";
import { updateChampCondition } from "../../../server/operations/revisions/update-champ-condition";
import { getConditionEditor } from "../../../server/queries/admin/conditions";
import type { Locale } from "../../../common/i18n/types";
import { formString, notFound } from "../../lib/request.server";
import { intField } from "./admin.server";
import type { ChampActionData } from "./champs.server";
import { refusalsByField } from "../../../server/refusal";

const MAX_VALUE_LENGTH = 1000;

/** The form editor's action data (same shape as its other intents), with the condition's rows. */
export interface ConditionActionData extends ChampActionData {
  intent: "condition";
  stableId: number;
  /** The rows as sent (after the button's effect), shown again when they were not saved. */
  condition?: ConditionRows;
  /** Key of `conditions.errors` for the whole condition. */
  conditionError?: string;
}

export type ConditionFormResult =
  | { ok: true; state: ConditionRows; op: string }
  | { ok: false; state: ConditionRows; error: "too_many_rows" };

function operatorField(form: FormData, name: string): BinaryTerm | null {
  const value = formString(form, name);
  return isOfferedTerm(value) ? value : null;
}

/** The rows of a condition form, normalized against what was shown, with the button's effect applied. */
export function conditionRowsFromForm(
  form: FormData,
  available: readonly ConditionField[],
  lists: ChoiceLists,
): ConditionFormResult {
  const count = Math.min(intField(form, "rowCount") ?? 0, MAX_CONDITION_ROWS + 1);
  const rows = Array.from({ length: count }, (_, i) => {
    const name = (part: string) => `row-${i}-${part}`;
    const submitted = {
      stableId: intField(form, name("stableId")),
      operator: operatorField(form, name("operator")),
      value: formString(form, name("value")).slice(0, MAX_VALUE_LENGTH),
    };
    const shown = {
      stableId: form.has(name("shownStableId")) ? intField(form, name("shownStableId")) : submitted.stableId,
      operator: form.has(name("shownOperator")) ? operatorField(form, name("shownOperator")) : submitted.operator,
    };
    return normalizeRow(submitted, shown, available, lists);
  });
  const state: ConditionRows = {
    combinator: formString(form, "combinator") === "Logic::Or" ? "Logic::Or" : "Logic::And",
    rows,
  };
  const op = formString(form, "op") || "save";
  if (op === "add") state.rows.push(emptyRow());
  else if (op === "clear") state.rows = [];
  else {
    const removed = /^remove-(\d{1,3})$/.exec(op);
    if (removed) state.rows.splice(Number(removed[1]), 1);
  }
  if (state.rows.length > MAX_CONDITION_ROWS) {
    state.rows = state.rows.slice(0, MAX_CONDITION_ROWS);
    return { ok: false, state, error: "too_many_rows" };
  }
  return { ok: true, state, op };
}

/** True when a row has an error that forbids saving (incomplete rows are saved). */
export function hasBlockingRowErrors(state: ConditionRows, available: readonly ConditionField[], lists: ChoiceLists): boolean {
  return rowErrors(state, available, lists).some((errors) => blockingErrors(errors).length > 0);
}

/** The form editor's "condition" intent: saves the visibility condition of one field. */
export async function champConditionAction({
  db,
  administrateurId,
  demarcheId,
  form,
  locale,
  enhanced,
  page,
  isPrivate = false,
}: {
  db: Db;
  administrateurId: number;
  demarcheId: number;
  form: FormData;
  locale: Locale;
  enhanced: boolean;
  page: string;
  isPrivate?: boolean;
}) {
  const { fields, lists } = await getConditionEditor(db, administrateurId, demarcheId, locale, { private: isPrivate });
  const stableId = intField(form, "stableId");
  if (stableId === null || !fields.some((f) => f.stableId === stableId)) notFound();
  const available = availableForField(fields, stableId);
  const parsed = conditionRowsFromForm(form, available, lists);
  const refused = (conditionError: string) =>
    data<ConditionActionData>(
      { intent: "condition", stableId, ok: false, condition: parsed.state, conditionError },
      { status: 400 },
    );
  if (!parsed.ok) return refused(parsed.error);
  // A new rule is shown to be filled in, not saved (the condition has not changed).
  if (parsed.op === "add") return data<ConditionActionData>({ intent: "condition", stableId, ok: true, condition: parsed.state });
  if (hasBlockingRowErrors(parsed.state, available, lists)) return refused("notSaved");
  const { condition } = conditionOfRows(withoutBlankRows(parsed.state), available);
  const result = await updateChampCondition(db, administrateurId, demarcheId, { stableId, condition });
  if (!result.ok) return refused(refusalsByField(result.refusals).errors.condition ?? "notSaved");
  return enhanced
    ? data<ConditionActionData>({ intent: "condition", stableId, ok: true })
    : redirect(`${page}#champ-${stableId}-condition`);
}
