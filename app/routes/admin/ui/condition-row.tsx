/**
 * One rule of the condition editor: « [field] [operator] [value] [remove] » and its errors. The
 * choices offered follow the field chosen (computed by the pure module, in the browser and on the
 * server alike).
 */
import type { BinaryTerm } from "../../../../server/domain/conditions/ast";
import {
  blockingErrors,
  type ChoiceLists,
  type ConditionField,
  type ConditionRow,
  type ConditionRows,
  normalizeRow,
  operatorsOffered,
  valueInputFor,
} from "../../../../server/domain/conditions/editor";
import { OTHER_VALUE } from "../../../../server/domain/conditions/evaluate";
import type { ConditionErrorCode } from "../../../../server/domain/conditions/validate";
import { useT } from "../../../lib/i18n";
import { useDynamicT } from "./layout";

type OperatorKey = BinaryTerm extends `Logic::${infer K}` ? K : never;
const operatorKey = (term: BinaryTerm) => term.slice("Logic::".length) as OperatorKey;

/** Props of the « Supprimer » button: a real submit button without JavaScript, a button with it. */
export type RemoveButtonProps = { type: "button"; onClick: () => void } | { type: "submit"; name: string; value: string };

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

export function ConditionRowFields({
  idPrefix,
  index,
  row,
  combinator,
  codes,
  fields,
  available,
  lists,
  onUpdate,
  onCommit,
  removeButton,
}: {
  idPrefix: string;
  index: number;
  row: ConditionRow;
  combinator: ConditionRows["combinator"];
  codes: readonly ConditionErrorCode[];
  fields: readonly ConditionField[];
  available: readonly ConditionField[];
  lists: ChoiceLists;
  /** `commit` is false while a number is being typed (saved when it loses focus, `onCommit`). */
  onUpdate: (row: ConditionRow, commit?: boolean) => void;
  onCommit: () => void;
  removeButton: RemoveButtonProps;
}) {
  const t = useT();
  const rid = `${idPrefix}-row-${index}`;
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
    <fieldset className="fr-fieldset__element fr-mb-2w">
      <legend id={`${rid}-title`} className="fr-text--bold fr-mb-0">
        {index > 0 ? `${t(`conditions.rows.joins.${combinator}`)} – ` : ""}
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
                onUpdate(normalizeRow({ ...row, stableId }, row, available, lists));
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
                  {stale ? t("conditions.rows.unavailableField", { libelle: stale.libelle }) : t("conditions.rows.deletedField")}
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
                onUpdate(normalizeRow({ ...row, operator }, row, available, lists));
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
                onChange={(event) => onUpdate({ ...row, value: event.target.value }, false)}
                onBlur={onCommit}
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
                onChange={(event) => onUpdate({ ...row, value: event.target.value })}
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
                {unknownChoice || (input === null && row.value !== "") ? <option value={row.value}>{row.value}</option> : null}
              </select>
            </div>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <button className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left" {...removeButton}>
            {t("conditions.rows.remove")}
            <span className="fr-sr-only"> {t("conditions.rows.removeSr", { position: index + 1 })}</span>
          </button>
        </div>
        <ErrorMessages id={`${rid}-error`} codes={codes} />
      </div>
    </fieldset>
  );
}
