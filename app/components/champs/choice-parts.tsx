/** Radio groups (yes_no, short drop-down lists): a DSFR fieldset whose legend is the libellé. */
import type { ReactNode } from "react";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "./field-parts";
import type { ChampIds } from "./types";

export interface RadioChoice {
  value: string;
  label: string;
  /** Defaults to `<input id>-<index>`; the first choice always gets the field's own id. */
  id?: string;
}

export function RadioFieldset(props: {
  ids: ChampIds;
  libelle: string;
  description: string | null;
  mandatory: boolean;
  errorMessage: string | null;
  choices: RadioChoice[];
  checked: string | null;
  inline?: boolean;
  onChange?: (value: string) => void;
  /** Rendered after the radios, inside the fieldset (the "Autre" free text). */
  children?: ReactNode;
}) {
  const { ids } = props;
  const error = props.errorMessage !== null;
  const legendId = `${ids.input}-legend`;
  return (
    <fieldset
      className={error ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
      id={`${ids.input}-fieldset`}
      aria-labelledby={legendId}
      aria-describedby={describedBy(hasDescription(props.description) && ids.hint, error && ids.error)}
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={legendId}>
        <LabelText libelle={props.libelle} mandatory={props.mandatory} />
      </legend>
      {hasDescription(props.description) ? (
        <div className="fr-fieldset__element">
          <ChampHint id={ids.hint} description={props.description} />
        </div>
      ) : null}
      {props.choices.map((choice, index) => {
        const id = index === 0 ? ids.input : (choice.id ?? `${ids.input}-${index}`);
        return (
          <div
            className={props.inline ? "fr-fieldset__element fr-fieldset__element--inline" : "fr-fieldset__element"}
            key={choice.value}
          >
            <div className="fr-radio-group">
              <input
                type="radio"
                id={id}
                name={ids.name}
                value={choice.value}
                defaultChecked={props.checked === choice.value}
                onChange={props.onChange ? (event) => event.currentTarget.checked && props.onChange?.(choice.value) : undefined}
              />
              <label className="fr-label" htmlFor={id}>
                {choice.label}
              </label>
            </div>
          </div>
        );
      })}
      {props.children}
      {error ? (
        <div className="fr-messages-group">
          <ChampErrorText id={ids.error} message={props.errorMessage} />
        </div>
      ) : null}
    </fieldset>
  );
}
