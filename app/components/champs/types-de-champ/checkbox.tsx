/**
 * `checkbox` (« Case à cocher seule »): one DSFR checkbox whose label is the libellé. A hidden
 * "false" of the same name comes first, so an unticked box is sent too (form contract in
 * server/domain/champs/types/checkbox.ts).
 */
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function CheckboxInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"checkbox">) {
  const error = errorMessage !== null;
  return (
    <div className={error ? "fr-checkbox-group fr-checkbox-group--error fr-mb-3w" : "fr-checkbox-group fr-mb-3w"}>
      <input type="hidden" name={ids.name} value="false" />
      <input
        type="checkbox"
        id={ids.input}
        name={ids.name}
        value="true"
        defaultChecked={value === "true"}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      />
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      {error ? (
        <div className="fr-messages-group">
          <ChampErrorText id={ids.error} message={errorMessage} />
        </div>
      ) : null}
    </div>
  );
}

export function CheckboxDisplay({ descriptor, text }: TypedDisplayProps<"checkbox">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
