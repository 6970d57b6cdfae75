/**
 * The condition editor: rows « [field] [operator] [value] » joined by one « et » / « ou », as the
 * reference's editor. One component serves a field's visibility condition (in each card of the
 * form editor) and the ineligibility rules page.
 *
 * Without JavaScript every button is a real submit button (`op` = add, remove-<n>, save): the server
 * saves and re-renders, offering the operators and values of the field chosen. With JavaScript the
 * same rows are edited in place — the choices are computed in the browser by the same pure module —
 * and a field's condition is saved as it changes, through a fetcher, one save at a time.
 */
import { useEffect, useState } from "react";
import { type Condition, readStoredCondition } from "../../../../server/domain/conditions/ast";
import {
  type ChoiceLists,
  COMBINATORS,
  type ConditionField,
  type ConditionRow,
  type ConditionRows,
  emptyRow,
  rowErrors,
  rowsOfCondition,
} from "../../../../server/domain/conditions/editor";
import { useT } from "../../../lib/i18n";
import { ConditionRowFields } from "./condition-row";
import { useHydrated } from "./enhanced";

/** What the form editor's loader gives the condition sections (see `getConditionEditor`). */
export interface ConditionEditorData {
  fields: Array<ConditionField & { condition: Condition | null; conditionMalformed: boolean }>;
  lists: ChoiceLists;
}

/** The rows of a parsed condition: none for null, null when the rows cannot show it (or it was malformed). */
export function conditionRows(condition: Condition | null, malformed = false): ConditionRows | null {
  if (malformed) return null;
  return condition === null ? { combinator: "Logic::And", rows: [] } : rowsOfCondition(condition);
}

/** The rows of stored rules (raw jsonb of ineligibility or routing): none for null, null when the rows cannot show them. */
export function storedRows(raw: unknown): ConditionRows | null {
  const { condition, malformed } = readStoredCondition(raw);
  return conditionRows(condition, malformed);
}

/** Form fields of the rows, as `conditionRowsFromForm` reads them. */
export function appendRows(form: FormData, state: ConditionRows) {
  form.set("combinator", state.combinator);
  form.set("rowCount", String(state.rows.length));
  state.rows.forEach((row, i) => {
    form.set(`row-${i}-stableId`, row.stableId === null ? "" : String(row.stableId));
    form.set(`row-${i}-operator`, row.operator ?? "");
    form.set(`row-${i}-value`, row.value);
    form.set(`row-${i}-shownStableId`, row.stableId === null ? "" : String(row.stableId));
    form.set(`row-${i}-shownOperator`, row.operator ?? "");
  });
}

/**
 * The rows themselves (inside a form the caller renders). `onChange` is called in the browser
 * with the new rows; `commit` is false while a number is being typed (saved when it loses focus).
 */
export function ConditionRowsEditor({
  idPrefix,
  legend,
  fields,
  available,
  lists,
  state,
  onChange,
  emptyText,
}: {
  idPrefix: string;
  legend: string;
  /** Every field of the list (to name a field a rule reads that is not available any more). */
  fields: readonly ConditionField[];
  available: readonly ConditionField[];
  lists: ChoiceLists;
  state: ConditionRows;
  onChange: (next: ConditionRows, commit: boolean) => void;
  emptyText?: string;
}) {
  const t = useT();
  const hydrated = useHydrated();
  const errors = rowErrors(state, available, lists);
  const [focus, setFocus] = useState<string | null>(null);

  useEffect(() => {
    if (focus === null) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const update = (index: number, row: ConditionRow, commit = true) =>
    onChange({ ...state, rows: state.rows.map((r, i) => (i === index ? row : r)) }, commit);

  // With JavaScript the buttons change the rows in place; without, they are submit buttons.
  const button = (op: string, onClick: () => void) =>
    hydrated ? { type: "button" as const, onClick } : { type: "submit" as const, name: "op", value: op };

  return (
    <fieldset className="fr-fieldset fr-mb-0" aria-labelledby={`${idPrefix}-legend`}>
      <legend id={`${idPrefix}-legend`} className="fr-fieldset__legend fr-text--md fr-mb-1w">
        {legend}
      </legend>
      <input type="hidden" name="rowCount" value={state.rows.length} />
      {state.rows.length === 0 && emptyText ? <p className="fr-fieldset__element fr-text--sm">{emptyText}</p> : null}
      {state.rows.length > 1 ? (
        <div className="fr-fieldset__element">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${idPrefix}-combinator`}>
              {t("conditions.rows.combinator")}
            </label>
            <select
              className="fr-select"
              id={`${idPrefix}-combinator`}
              name="combinator"
              value={state.combinator}
              onChange={(event) =>
                onChange({ ...state, combinator: event.target.value === "Logic::Or" ? "Logic::Or" : "Logic::And" }, true)
              }
            >
              {COMBINATORS.map((combinator) => (
                <option key={combinator} value={combinator}>
                  {t(`conditions.rows.combinators.${combinator}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : (
        <input type="hidden" name="combinator" value={state.combinator} />
      )}
      {state.rows.map((row, index) => (
        <ConditionRowFields
          // Rows have no identity but their place: their inputs are named by index too.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          key={index}
          idPrefix={idPrefix}
          index={index}
          row={row}
          combinator={state.combinator}
          codes={errors[index] ?? []}
          fields={fields}
          available={available}
          lists={lists}
          onUpdate={(next, commit) => update(index, next, commit)}
          onCommit={() => onChange(state, true)}
          removeButton={button(`remove-${index}`, () => {
            onChange({ ...state, rows: state.rows.filter((_, i) => i !== index) }, true);
            setFocus(`${idPrefix}-add`);
          })}
        />
      ))}
      <div className="fr-fieldset__element fr-mb-0">
        <button
          id={`${idPrefix}-add`}
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
          {...button("add", () => {
            // Not saved: the new rule is saved once its field is chosen.
            onChange({ ...state, rows: [...state.rows, emptyRow()] }, false);
            setFocus(`${idPrefix}-row-${state.rows.length}-stableId`);
          })}
        >
          {t("conditions.rows.add")}
        </button>
        {!hydrated && state.rows.length > 0 ? <p className="fr-hint-text fr-mt-1w">{t("conditions.rows.applyHint")}</p> : null}
      </div>
    </fieldset>
  );
}
