/**
 * `drop_down_list` (« Choix simple »): radios for up to 5 choices, a select from 6 to 19, and from
 * 20 a searchable combobox once the page is interactive (without JavaScript it stays the select).
 * The combobox (../combobox/combobox.tsx, local source) filters the list as the usager types; the
 * choice is sent by a hidden input with the field's name.
 *
 * With "Autre" enabled, an extra choice sends `DROP_DOWN_OTHER` and a free-text input with the same
 * name gives the text (see the form contract in server/domain/champs/types/drop_down_list.ts).
 * Without JavaScript the free-text input is always shown; once the page is interactive it is shown
 * (and submitted) only while "Autre" is chosen.
 */
import { useState } from "react";
import { DROP_DOWN_OTHER } from "../../../../server/domain/champs/types/plain";
import { useT } from "../../../lib/i18n";
import { RadioFieldset } from "../choice-parts";
import { Combobox } from "../combobox/combobox";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

/** Up to this many choices (not counting "Autre") are radios; more make a select. */
export const MAX_RADIO_CHOICES = 5;
/** From this many choices (not counting "Autre"), the select becomes a combobox with JavaScript. */
export const MIN_COMBOBOX_CHOICES = 20;

/** Which choice the stored value selects, and the free text when it is not one of the options. */
export function dropDownSelection(value: string | null, options: readonly string[], other: boolean) {
  if (value === null) return { selected: null, otherText: "" };
  if (options.includes(value)) return { selected: value, otherText: "" };
  // Not an option: free text of "Autre" (or, with "Autre" off, a stale value that selects nothing).
  return other ? { selected: DROP_DOWN_OTHER, otherText: value } : { selected: null, otherText: "" };
}

export function DropDownListInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"drop_down_list">) {
  const t = useT();
  const hydrated = useHydrated();
  const { options, other = false } = descriptor.options;
  const initial = dropDownSelection(value, options, other);
  const [selected, setSelected] = useState<string | null>(initial.selected);
  const error = errorMessage !== null;
  const otherId = `${ids.input}-autre`;

  // Hidden and disabled (so not submitted) only once interactive and while "Autre" is not chosen.
  const otherHidden = hydrated && selected !== DROP_DOWN_OTHER;
  const otherInput = other ? (
    <div className="fr-input-group guichet-champ-other" hidden={otherHidden}>
      <label className="fr-label" htmlFor={otherId}>
        {t("usager.champ.otherPrecision")}
      </label>
      <input
        className="fr-input"
        type="text"
        id={otherId}
        name={ids.name}
        defaultValue={initial.otherText}
        disabled={otherHidden}
      />
    </div>
  ) : null;

  if (options.length <= MAX_RADIO_CHOICES) {
    const choices = options.map((option) => ({ value: option, label: option }));
    if (other) choices.push({ value: DROP_DOWN_OTHER, label: t("usager.champ.otherOption") });
    return (
      <RadioFieldset
        ids={ids}
        libelle={descriptor.libelle}
        description={descriptor.description}
        mandatory={descriptor.mandatory}
        errorMessage={errorMessage}
        choices={choices}
        checked={initial.selected}
        onChange={setSelected}
      >
        {otherInput ? <div className="fr-fieldset__element">{otherInput}</div> : null}
      </RadioFieldset>
    );
  }

  const describedById = describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error);
  if (hydrated && options.length >= MIN_COMBOBOX_CHOICES) {
    const choices = options.map((option) => ({ value: option, label: option }));
    if (other) choices.push({ value: DROP_DOWN_OTHER, label: t("usager.champ.otherOption") });
    return (
      <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
        <label className="fr-label" htmlFor={ids.input} id={`${ids.input}-label`}>
          <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
          <span className="fr-hint-text" id={`${ids.input}-combobox-hint`}>
            {t("champs.combobox.hint")}
          </span>
        </label>
        <ChampHint id={ids.hint} description={descriptor.description} />
        <Combobox
          id={ids.input}
          source={{ kind: "local", options: choices }}
          defaultText={choices.find((choice) => choice.value === selected)?.label ?? ""}
          selectionName={ids.name}
          defaultSelection={selected ?? ""}
          labelId={`${ids.input}-label`}
          className={error ? "fr-input fr-input--error" : "fr-input"}
          onSelect={(option) => setSelected(option?.value ?? null)}
          describedBy={describedById}
          invalid={error}
          required={descriptor.mandatory}
        />
        {otherInput}
        <ChampErrorText id={ids.error} message={errorMessage} />
      </div>
    );
  }

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
        defaultValue={initial.selected ?? ""}
        onChange={(event) => setSelected(event.currentTarget.value || null)}
        aria-describedby={describedById}
        aria-invalid={error || undefined}
        aria-required={descriptor.mandatory || undefined}
      >
        <option value="">{t("usager.champ.selectPlaceholder")}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
        {other ? <option value={DROP_DOWN_OTHER}>{t("usager.champ.otherOption")}</option> : null}
      </select>
      {otherInput}
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function DropDownListDisplay({ descriptor, text }: TypedDisplayProps<"drop_down_list">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
