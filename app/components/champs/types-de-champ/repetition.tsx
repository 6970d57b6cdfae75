/**
 * `repetition` (« Bloc répétable »): a group of fields filled once per row. Every row is a fieldset
 * whose legend numbers it; « Ajouter un élément » and « Supprimer l'élément » are real submit
 * buttons (the server adds or removes the row, keeping everything typed), so blocks work without
 * JavaScript. The row ids travel with the form as hidden inputs — an empty one first, so that a
 * block whose last row was removed still says so.
 */
import { champKey } from "../../../../server/domain/form/keys";
import { useT } from "../../../lib/i18n";
import { ROW_ADD_INTENT, ROW_REMOVE_INTENT, useChampTree } from "../champ-tree";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function RepetitionInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"repetition">) {
  const t = useT();
  const tree = useChampTree();
  const rows = value ?? [];
  const children = descriptor.children ?? [];
  const legendId = `${ids.input}-legend`;
  return (
    <fieldset
      className={errorMessage ? "fr-fieldset fr-fieldset--error guichet-repetition" : "fr-fieldset guichet-repetition"}
      id={ids.input}
      aria-labelledby={legendId}
      aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, errorMessage !== null && ids.error)}
    >
      <legend className="fr-fieldset__legend" id={legendId}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </legend>
      <div className="fr-fieldset__element">
        <ChampHint id={ids.hint} description={descriptor.description} />
        <input type="hidden" name={ids.name} value="" />
        {rows.length === 0 ? <p className="fr-text--sm">{t("usager.repetition.noRow")}</p> : null}
        {rows.map((rowId, index) => {
          const number = index + 1;
          return (
            <fieldset
              key={rowId}
              className="fr-fieldset guichet-repetition__row"
              id={`${ids.input}-${rowId}`}
              tabIndex={-1}
              // biome-ignore lint/a11y/noAutofocus: the row the usager just added receives the focus, as the reference does.
              autoFocus={tree.focusRowId === rowId}
            >
              <legend className="fr-fieldset__legend fr-text--md">
                {t("usager.repetition.rowLegend", { libelle: descriptor.libelle, number })}
              </legend>
              <input type="hidden" name={ids.name} value={rowId} />
              <div className="fr-fieldset__element">
                {children.map((child) => tree.renderField(child, champKey(child.stableId, rowId)))}
                <button
                  type="submit"
                  name="intent"
                  value={`${ROW_REMOVE_INTENT}${champKey(descriptor.stableId, rowId)}`}
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left"
                  formNoValidate
                >
                  {t("usager.repetition.removeRow", { libelle: descriptor.libelle, number })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <ChampErrorText id={ids.error} message={errorMessage} />
        <button
          type="submit"
          name="intent"
          value={`${ROW_ADD_INTENT}${descriptor.stableId}`}
          className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
          formNoValidate
        >
          {t("usager.repetition.addRow", { libelle: descriptor.libelle })}
        </button>
      </div>
    </fieldset>
  );
}

export function RepetitionDisplay({ descriptor, value, headingLevel }: TypedDisplayProps<"repetition">) {
  const t = useT();
  const tree = useChampTree();
  const rows = value ?? [];
  const Heading = `h${Math.min(6, Math.max(2, headingLevel))}` as "h2";
  return (
    <div className="guichet-repetition fr-mb-3w">
      <Heading className="fr-h6 fr-mb-1w">{descriptor.libelle}</Heading>
      {rows.length === 0 ? <p className="fr-text--sm">{t("usager.champ.empty")}</p> : null}
      {rows.map((rowId, index) => (
        <section
          key={rowId}
          className="guichet-repetition__row"
          aria-label={t("usager.repetition.rowLegend", { libelle: descriptor.libelle, number: index + 1 })}
        >
          <p className="fr-text--bold fr-mb-1w">
            {t("usager.repetition.rowLegend", { libelle: descriptor.libelle, number: index + 1 })}
          </p>
          {(descriptor.children ?? []).map((child) => tree.renderField(child, champKey(child.stableId, rowId)))}
        </section>
      ))}
    </div>
  );
}
