/** `text` (« Texte court »): one line. */
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function TextInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"text">) {
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

export function TextDisplay({ descriptor, text }: TypedDisplayProps<"text">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
