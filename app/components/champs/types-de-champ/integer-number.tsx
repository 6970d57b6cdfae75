/**
 * `integer_number` (« Nombre entier »): a text input with the numeric keyboard rather than
 * type="number", which would silently drop what is not a number ("12 €") instead of letting the
 * server keep it in the draft and explain the problem at submission.
 */
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function IntegerNumberInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"integer_number">) {
  const error = errorMessage !== null;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <input
        className={error ? "fr-input fr-input--error" : "fr-input"}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        id={ids.input}
        name={ids.name}
        defaultValue={value ?? ""}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      />
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function IntegerNumberDisplay({ descriptor, text }: TypedDisplayProps<"integer_number">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
