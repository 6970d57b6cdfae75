/**
 * `date` (« Date »): the browser's date picker. A browser without one shows a text input; the
 * server then reads "15/03/2024" as well as "2024-03-15".
 */
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function DateInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"date">) {
  const error = errorMessage !== null;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <input
        className={error ? "fr-input fr-input--error" : "fr-input"}
        type="date"
        id={ids.input}
        name={ids.name}
        defaultValue={value ?? ""}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
      />
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function DateDisplay({ descriptor, text }: TypedDisplayProps<"date">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
