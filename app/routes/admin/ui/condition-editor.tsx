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
import { useEffect, useMemo, useRef, useState } from "react";
import { useActionData, useFetcher, useLoaderData } from "react-router";
import { type BinaryTerm, parseCondition } from "../../../../server/domain/conditions/ast";
import {
  availableForField,
  blockingErrors,
  type ChoiceLists,
  COMBINATORS,
  type ConditionField,
  type ConditionRow,
  type ConditionRows,
  emptyRow,
  fieldsWithInvalidCondition,
  MAX_CONDITION_ROWS,
  normalizeRow,
  operatorsOffered,
  rowErrors,
  rowsOfCondition,
  storedConditionErrors,
  valueInputFor,
  withoutBlankRows,
} from "../../../../server/domain/conditions/editor";
import { OTHER_VALUE } from "../../../../server/domain/conditions/evaluate";
import type { ConditionErrorCode } from "../../../../server/domain/conditions/validate";
import { CsrfInput } from "../../../components/csrf-input";
import { CSRF_FIELD } from "../../../../common/csrf-field";
import { useRootData, useT } from "../../../lib/i18n";
import type { ConditionActionData } from "../conditions.server";
import { ENHANCED_FIELD, useHydrated } from "./enhanced";
import { useDynamicT } from "./layout";
import { useSerialSave } from "./use-serial-save";

/** What the form editor's loader gives the condition sections (see `getConditionEditor`). */
export interface ConditionEditorData {
  fields: Array<ConditionField & { condition: unknown }>;
  lists: ChoiceLists;
}

type OperatorKey = BinaryTerm extends `Logic::${infer K}` ? K : never;
const operatorKey = (term: BinaryTerm) => term.slice("Logic::".length) as OperatorKey;

/** The rows of a stored condition: none for null, null when the rows cannot show it. */
export function storedRows(raw: unknown): ConditionRows | null {
  if (raw === null || raw === undefined) return { combinator: "Logic::And", rows: [] };
  const condition = parseCondition(raw);
  return condition ? rowsOfCondition(condition) : null;
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

function ErrorMessages({ id, codes }: { id: string; codes: readonly ConditionErrorCode[] }) {
  const dt = useDynamicT();
  if (codes.length === 0) return null;
  const blocking = blockingErrors(codes);
  return (
    <div id={id} className="fr-col-12 fr-pt-0">
      {blocking.length > 0 ? (
        blocking.map((code) => (
          <p key={code} className="fr-error-text fr-mt-0">
            {dt(`conditions.errors.${code}`)}
          </p>
        ))
      ) : (
        <p className="fr-info-text fr-mt-0">{dt("conditions.errors.empty")}</p>
      )}
    </div>
  );
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
      {state.rows.map((row, index) => {
        const rid = `${idPrefix}-row-${index}`;
        const codes = errors[index] ?? [];
        const describedBy = codes.length > 0 ? `${rid}-error` : undefined;
        const invalid = blockingErrors(codes).length > 0 ? true : undefined;
        const field = available.find((f) => f.stableId === row.stableId);
        const stale = row.stableId !== null && !field ? fields.find((f) => f.stableId === row.stableId) : undefined;
        const operators = field ? operatorsOffered(field) : [];
        const shownOperators = row.operator && !operators.includes(row.operator) ? [...operators, row.operator] : operators;
        const input = field ? valueInputFor(field, row.operator, lists) : null;
        const choices = input?.kind === "choice" ? input.choices : [];
        const unknownChoice = input?.kind === "choice" && row.value !== "" && !choices.some((c) => c.value === row.value);
        return (
          // Rows have no identity but their place: their inputs are named by index too.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <fieldset key={index} className="fr-fieldset__element fr-mb-2w">
            <legend id={`${rid}-title`} className="fr-text--bold fr-mb-0">
              {index > 0 ? `${t(`conditions.rows.joins.${state.combinator}`)} – ` : ""}
              {t("conditions.rows.rule", { position: index + 1 })}
            </legend>
            <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
              <input type="hidden" name={`row-${index}-shownStableId`} value={row.stableId ?? ""} />
              <input type="hidden" name={`row-${index}-shownOperator`} value={row.operator ?? ""} />
              <div className="fr-col-12 fr-col-md-4">
                <div className={`fr-select-group fr-mb-0${invalid ? " fr-select-group--error" : ""}`}>
                  <label className="fr-label" htmlFor={`${rid}-stableId`}>
                    {t("conditions.rows.field")}
                  </label>
                  <select
                    className="fr-select"
                    id={`${rid}-stableId`}
                    name={`row-${index}-stableId`}
                    value={row.stableId ?? ""}
                    aria-invalid={invalid}
                    aria-describedby={describedBy}
                    onChange={(event) => {
                      const stableId = event.target.value === "" ? null : Number(event.target.value);
                      update(index, normalizeRow({ ...row, stableId }, row, available, lists));
                    }}
                  >
                    <option value="">{t("conditions.rows.chooseField")}</option>
                    {available.map((f) => (
                      <option key={f.stableId} value={f.stableId}>
                        {f.libelle.trim() === "" ? t("admin.champEditor.untitled") : f.libelle}
                      </option>
                    ))}
                    {row.stableId !== null && !field ? (
                      <option value={row.stableId}>
                        {stale
                          ? t("conditions.rows.unavailableField", { libelle: stale.libelle })
                          : t("conditions.rows.deletedField")}
                      </option>
                    ) : null}
                  </select>
                </div>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <div className="fr-select-group fr-mb-0">
                  <label className="fr-label" htmlFor={`${rid}-operator`}>
                    {t("conditions.rows.operator")}
                  </label>
                  <select
                    className="fr-select"
                    id={`${rid}-operator`}
                    name={`row-${index}-operator`}
                    value={row.operator ?? ""}
                    disabled={shownOperators.length === 0}
                    aria-describedby={describedBy}
                    onChange={(event) => {
                      const operator = shownOperators.find((o) => o === event.target.value) ?? null;
                      update(index, normalizeRow({ ...row, operator }, row, available, lists));
                    }}
                  >
                    {shownOperators.length === 0 ? <option value="">{t("conditions.operators.EmptyOperator")}</option> : null}
                    {shownOperators.map((operator) => (
                      <option key={operator} value={operator}>
                        {t(`conditions.operators.${operatorKey(operator)}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                {input?.kind === "number" ? (
                  <div className={`fr-input-group fr-mb-0${invalid ? " fr-input-group--error" : ""}`}>
                    <label className="fr-label" htmlFor={`${rid}-value`}>
                      {t("conditions.rows.value")}
                      <span className="fr-sr-only"> ({t("conditions.rows.numberHint")})</span>
                    </label>
                    <input
                      className={`fr-input${invalid ? " fr-input--error" : ""}`}
                      id={`${rid}-value`}
                      name={`row-${index}-value`}
                      inputMode="decimal"
                      autoComplete="off"
                      maxLength={40}
                      value={row.value}
                      aria-invalid={invalid}
                      aria-describedby={describedBy}
                      onChange={(event) => update(index, { ...row, value: event.target.value }, false)}
                      onBlur={() => onChange(state, true)}
                    />
                  </div>
                ) : (
                  <div className={`fr-select-group fr-mb-0${invalid ? " fr-select-group--error" : ""}`}>
                    <label className="fr-label" htmlFor={`${rid}-value`}>
                      {t("conditions.rows.value")}
                    </label>
                    <select
                      className="fr-select"
                      id={`${rid}-value`}
                      name={`row-${index}-value`}
                      value={row.value}
                      disabled={input === null}
                      aria-invalid={invalid}
                      aria-describedby={describedBy}
                      onChange={(event) => update(index, { ...row, value: event.target.value })}
                    >
                      <option value="">{t("conditions.rows.chooseValue")}</option>
                      {input?.kind === "boolean" ? (
                        <>
                          <option value="true">{t("conditions.rows.yes")}</option>
                          <option value="false">{t("conditions.rows.no")}</option>
                        </>
                      ) : null}
                      {choices.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choice.value === OTHER_VALUE && choice.label === "" ? t("conditions.rows.other") : choice.label}
                        </option>
                      ))}
                      {unknownChoice || (input === null && row.value !== "") ? (
                        <option value={row.value}>{row.value}</option>
                      ) : null}
                    </select>
                  </div>
                )}
              </div>
              <div className="fr-col-12 fr-col-md-2">
                <button
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left"
                  {...button(`remove-${index}`, () => {
                    onChange({ ...state, rows: state.rows.filter((_, i) => i !== index) }, true);
                    setFocus(`${idPrefix}-add`);
                  })}
                >
                  {t("conditions.rows.remove")}
                  <span className="fr-sr-only"> {t("conditions.rows.removeSr", { position: index + 1 })}</span>
                </button>
              </div>
              <ErrorMessages id={`${rid}-error`} codes={codes} />
            </div>
          </fieldset>
        );
      })}
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

/** True when some row (or the stored condition itself) has an error. */
function hasErrors(state: ConditionRows | null, raw: unknown, available: readonly ConditionField[], lists: ChoiceLists) {
  if (state === null) return storedConditionErrors(raw, available, lists).length > 0;
  return rowErrors(state, available, lists).some((codes) => codes.length > 0);
}

/** A field's « Logique conditionnelle », in its card. Nothing on pages without condition data. */
export function ChampConditionSection({ stableId, libelle }: { stableId: number; libelle: string }) {
  const loaderData = useLoaderData() as { conditionEditor?: ConditionEditorData } | undefined;
  const editor = loaderData?.conditionEditor;
  const field = editor?.fields.find((f) => f.stableId === stableId);
  return editor && field ? <ConditionSection editor={editor} field={field} libelle={libelle} /> : null;
}

function ConditionSection({
  editor,
  field,
  libelle,
}: {
  editor: ConditionEditorData;
  field: ConditionEditorData["fields"][number];
  libelle: string;
}) {
  const t = useT();
  const dt = useDynamicT();
  const hydrated = useHydrated();
  const csrfToken = useRootData()?.csrfToken ?? "";
  const { fields, lists } = editor;
  const { stableId } = field;
  const id = `champ-${stableId}-condition`;
  const available = useMemo(() => availableForField(fields, stableId), [fields, stableId]);
  const stored = useMemo(() => storedRows(field.condition), [field.condition]);
  const actionData = useActionData() as ConditionActionData | undefined;
  const mine = actionData?.intent === "condition" && actionData.stableId === stableId ? actionData : undefined;
  const fetcher = useFetcher<ConditionActionData>({ key: id });
  const [state, setState] = useState<ConditionRows | null>(mine?.condition ?? stored);
  const [open, setOpen] = useState(Boolean(mine) || field.condition !== null);
  const [locallyRefused, setLocallyRefused] = useState(false);
  const dirty = useRef(false);
  const lastSent = useRef<string | null>(JSON.stringify(stored));
  const serialSave = useSerialSave(fetcher, { onDrained: () => (dirty.current = false) });

  // The stored condition changed (saved, or a field above moved or was deleted): show it, unless
  // the administrateur has changes of their own still being saved.
  const storedKey = JSON.stringify(stored);
  const shownKey = useRef(storedKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the serialized rows, not the object.
  useEffect(() => {
    if (shownKey.current === storedKey) return;
    shownKey.current = storedKey;
    if (dirty.current) return;
    // The rows just saved came back: keep the rules still being written (not saved while blank).
    setState((current) =>
      current && stored && JSON.stringify(withoutBlankRows(current).rows) === JSON.stringify(stored.rows) ? current : stored,
    );
  }, [storedKey]);

  const save = (next: ConditionRows) => {
    const saved = withoutBlankRows(next);
    const refused = rowErrors(saved, available, lists).some((codes) => blockingErrors(codes).length > 0);
    setLocallyRefused(refused);
    if (refused) return;
    const form = new FormData();
    form.set(CSRF_FIELD, csrfToken);
    form.set(ENHANCED_FIELD, "1");
    form.set("intent", "condition");
    form.set("stableId", String(stableId));
    form.set("op", "save");
    appendRows(form, saved);
    const payload = JSON.stringify(saved);
    if (payload === lastSent.current) return;
    lastSent.current = payload;
    dirty.current = true;
    void serialSave(form);
  };

  const onChange = (next: ConditionRows, commit: boolean) => {
    dirty.current = true;
    setState(next);
    if (commit) save(next);
  };

  const result = fetcher.data;
  const formError = (result && !result.ok ? result.conditionError : undefined) ?? mine?.conditionError;
  const status =
    fetcher.state !== "idle"
      ? t("admin.champEditor.saving")
      : locallyRefused || (result && !result.ok)
        ? t("admin.champEditor.notSaved")
        : result?.ok
          ? t("admin.champEditor.saved")
          : "";
  const invalid = hasErrors(state, field.condition, available, lists);
  const active = state === null || state.rows.length > 0;

  return (
    <details
      id={id}
      className="fr-mt-3w"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="fr-text--bold">
        {t("conditions.section.title")}
        {invalid ? (
          <span className="fr-badge fr-badge--sm fr-badge--warning fr-ml-1w">{t("conditions.section.toFix")}</span>
        ) : active ? (
          <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">{t("conditions.section.active")}</span>
        ) : null}
        <span className="fr-sr-only">{` – ${libelle}`}</span>
      </summary>
      <form
        method="post"
        // Without JavaScript the page that answers (a rule added, an error) opens at this section.
        action={`#${id}`}
        className="fr-mt-2w"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (state) save(state);
        }}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="condition" />
        <input type="hidden" name="stableId" value={stableId} />
        {formError && formError !== "notSaved" ? (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{dt(`conditions.errors.${formError}`, { max: MAX_CONDITION_ROWS })}</p>
          </div>
        ) : null}
        {state === null ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>{t("conditions.section.unreadable")}</p>
            <button
              type="submit"
              name="op"
              value="clear"
              className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w"
              onClick={(event) => {
                if (!hydrated) return;
                event.preventDefault();
                onChange({ combinator: "Logic::And", rows: [] }, true);
              }}
            >
              {t("conditions.section.clear")}
            </button>
          </div>
        ) : available.length === 0 && state.rows.length === 0 ? (
          <p className="fr-text--sm">
            {field.parentStableId === null ? t("conditions.section.noSource") : t("conditions.section.noSourceInBlock")}
          </p>
        ) : (
          <>
            <ConditionRowsEditor
              idPrefix={id}
              legend={t("conditions.section.showIf")}
              fields={fields}
              available={available}
              lists={lists}
              state={state}
              onChange={onChange}
              emptyText={t("conditions.section.always")}
            />
            <div className="fr-grid-row fr-grid-row--middle fr-mt-2w">
              {state.rows.length > 0 ? (
                <button type="submit" name="op" value="save" className="fr-btn fr-btn--sm fr-mr-2w">
                  {t("conditions.rows.save")}
                  <span className="fr-sr-only">{` – ${libelle}`}</span>
                </button>
              ) : null}
              {/* Always present, so that screen readers announce its changes. */}
              <p className="fr-text--sm fr-mb-0" role="status" aria-live="polite">
                {status}
                {status ? <span className="fr-sr-only">{` – ${t("conditions.section.title")} – ${libelle}`}</span> : null}
              </p>
            </div>
          </>
        )}
      </form>
    </details>
  );
}

/** Above the form editor's list: the fields whose condition must be fixed before publication. */
export function InvalidConditionsBanner() {
  const t = useT();
  const loaderData = useLoaderData() as { conditionEditor?: ConditionEditorData } | undefined;
  const editor = loaderData?.conditionEditor;
  const invalid = useMemo(() => (editor ? fieldsWithInvalidCondition(editor.fields, editor.lists) : []), [editor]);
  if (!editor || invalid.length === 0) return null;
  return (
    <div className="fr-alert fr-alert--warning fr-mb-4w" id="conditions-a-corriger">
      <h2 className="fr-alert__title">{t("conditions.banner.title")}</h2>
      <p>{t("conditions.banner.body")}</p>
      <ul>
        {invalid.map((stableId) => {
          const f = editor.fields.find((x) => x.stableId === stableId);
          return (
            <li key={stableId}>
              <a href={`#champ-${stableId}-condition`}>
                {f && f.libelle.trim() !== "" ? f.libelle : t("admin.champEditor.untitled")}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
