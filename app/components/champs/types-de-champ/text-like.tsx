/**
 * A one-line input shared by the types that are typed as text (e-mail, phone, numbers, IBAN,
 * SIRET…): DSFR input group with label, hint, error and the right keyboard / autofill hints.
 */
import type { HTMLInputAutoCompleteAttribute, HTMLInputTypeAttribute } from "react";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import type { ChampIds } from "../types";

export function TextLikeInput(props: {
  descriptor: { libelle: string; description: string | null; mandatory: boolean };
  value: string | null;
  errorMessage: string | null;
  ids: ChampIds;
  type?: HTMLInputTypeAttribute;
  inputMode?: "text" | "email" | "tel" | "numeric" | "decimal";
  autoComplete?: HTMLInputAutoCompleteAttribute;
  spellCheck?: boolean;
  /** A format hint below the label (e.g. an example), announced with the field. */
  formatHint?: string;
  maxLength?: number;
  /** Bounds for date and number inputs (the browser's picker uses them). */
  min?: string;
  max?: string;
}) {
  const { descriptor, ids } = props;
  const error = props.errorMessage !== null;
  const formatHintId = `${ids.input}-format`;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        {props.formatHint ? (
          <span className="fr-hint-text" id={formatHintId}>
            {props.formatHint}
          </span>
        ) : null}
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <input
        className={error ? "fr-input fr-input--error" : "fr-input"}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        id={ids.input}
        name={ids.name}
        defaultValue={props.value ?? ""}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      />
      <ChampErrorText id={ids.error} message={props.errorMessage} />
    </div>
  );
}
