/**
 * `multiple_drop_down_list` (« Choix multiple »): checkboxes for up to 5 options, a multiple
 * select beyond. A hidden empty input of the same name comes first so that unticking everything
 * is sent too (form contract in server/domain/champs/types/multiple_drop_down_list.ts).
 */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { MAX_RADIO_CHOICES } from "./drop-down-list";

export function MultipleDropDownListInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"multiple_drop_down_list">) {
  const t = useT();
  const { options } = descriptor.options;
  const chosen = new Set(value ?? []);
  const error = errorMessage !== null;
  const hidden = <input type="hidden" name={ids.name} value="" />;

  if (options.length <= MAX_RADIO_CHOICES) {
    const legendId = `${ids.input}-legend`;
    return (
      <fieldset
        className={error ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
        id={`${ids.input}-fieldset`}
        aria-labelledby={legendId}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
      >
        <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={legendId}>
          <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        </legend>
        {hidden}
        {hasDescription(descriptor.description) ? (
          <div className="fr-fieldset__element">
            <ChampHint id={ids.hint} description={descriptor.description} />
          </div>
        ) : null}
        {options.map((option, index) => {
          const id = index === 0 ? ids.input : `${ids.input}-${index}`;
          return (
            <div className="fr-fieldset__element" key={option}>
              <div className="fr-checkbox-group">
                <input type="checkbox" id={id} name={ids.name} value={option} defaultChecked={chosen.has(option)} />
                <label className="fr-label" htmlFor={id}>
                  {option}
                </label>
              </div>
            </div>
          );
        })}
        {error ? (
          <div className="fr-messages-group">
            <ChampErrorText id={ids.error} message={errorMessage} />
          </div>
        ) : null}
      </fieldset>
    );
  }

  const selectHintId = `${ids.input}-select-hint`;
  return (
    <div className={error ? "fr-select-group fr-select-group--error" : "fr-select-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        <span className="fr-hint-text" id={selectHintId}>
          {t("champs.multipleDropDownList.selectHint")}
        </span>
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      {hidden}
      <select
        className={error ? "fr-select fr-select--error" : "fr-select"}
        id={ids.input}
        name={ids.name}
        multiple
        size={Math.min(options.length, 8)}
        defaultValue={options.filter((option) => chosen.has(option))}
        aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function MultipleDropDownListDisplay({ descriptor, text }: TypedDisplayProps<"multiple_drop_down_list">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
