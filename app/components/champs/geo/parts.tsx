/** Building blocks of the geographic fields: a select of a small list, and the server's candidates as radios. */
import type { ReactNode } from "react";
import { useT } from "../../../lib/i18n";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import type { ChampIds } from "../types";

export interface Choice {
  value: string;
  label: string;
  /** What the search input shows once this is chosen (defaults to the label). */
  text?: string;
}

interface FieldText {
  libelle: string;
  description: string | null;
  mandatory: boolean;
}

/** Régions, départements, and countries without JavaScript: a DSFR select sending the code. */
export function GeoSelect(props: {
  descriptor: FieldText;
  ids: ChampIds;
  errorMessage: string | null;
  value: string | null;
  choices: readonly Choice[];
}) {
  const t = useT();
  const { descriptor, ids } = props;
  const error = props.errorMessage !== null;
  // A stored value outside the list (changed data, corrupted value) stays visible and selected.
  const unknown = props.value !== null && props.value !== "" && !props.choices.some((c) => c.value === props.value);
  return (
    <div className={error ? "fr-select-group fr-select-group--error" : "fr-select-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <select
        className={error ? "fr-select fr-select--error" : "fr-select"}
        id={ids.input}
        name={ids.name}
        defaultValue={props.value ?? ""}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      >
        <option value="">{t("usager.champ.selectPlaceholder")}</option>
        {unknown ? <option value={props.value ?? ""}>{props.value}</option> : null}
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <ChampErrorText id={ids.error} message={props.errorMessage} />
    </div>
  );
}

/**
 * What the server proposed when the text named several entries: one radio each, named like the
 * combobox's hidden input, so that the next save (with or without JavaScript) stores the one picked.
 */
export function CandidateRadios(props: {
  id: string;
  name: string;
  legend: string;
  choices: readonly Choice[];
  onPick?: (choice: Choice) => void;
  children?: ReactNode;
}) {
  const legendId = `${props.id}-legend`;
  return (
    <fieldset className="fr-fieldset guichet-geo-candidates" id={props.id} aria-labelledby={legendId}>
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={legendId}>
        {props.legend}
      </legend>
      {props.choices.map((choice, index) => {
        const id = `${props.id}-${index}`;
        return (
          <div className="fr-fieldset__element" key={choice.value}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={id}
                name={props.name}
                value={choice.value}
                onChange={props.onPick ? (event) => event.currentTarget.checked && props.onPick?.(choice) : undefined}
              />
              <label className="fr-label" htmlFor={id}>
                {choice.label}
              </label>
            </div>
          </div>
        );
      })}
      {props.children}
    </fieldset>
  );
}
