/**
 * `drop_down_list` (« Choix simple »): radios for up to 5 choices, a select from 6 to 19, and from
 * 20 a searchable combobox once the page is interactive (without JavaScript it stays the select).
 * The combobox follows the WAI-ARIA "combobox with listbox popup" pattern (list autocomplete,
 * manual selection): typing filters the list, arrows move, Enter chooses, Escape closes; the
 * choice is sent by a hidden input with the field's name.
 *
 * With "Autre" enabled, an extra choice sends `DROP_DOWN_OTHER` and a free-text input with the same
 * name gives the text (see the form contract in server/domain/champs/types/drop_down_list.ts).
 * Without JavaScript the free-text input is always shown; once the page is interactive it is shown
 * (and submitted) only while "Autre" is chosen.
 */
import { useEffect, useId, useRef, useState } from "react";
import { DROP_DOWN_OTHER } from "../../../../server/domain/champs/types/plain";
import { useT, useTn } from "../../../lib/i18n";
import { RadioFieldset } from "../choice-parts";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

/** Up to this many choices (not counting "Autre") are radios; more make a select. */
export const MAX_RADIO_CHOICES = 5;
/** From this many choices (not counting "Autre"), the select becomes a combobox with JavaScript. */
export const MIN_COMBOBOX_CHOICES = 20;
/** The combobox lists at most this many matches at once (typing narrows the list). */
const MAX_LISTED = 200;

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
          inputId={ids.input}
          labelId={`${ids.input}-label`}
          name={ids.name}
          choices={choices}
          initial={selected}
          onSelect={setSelected}
          describedBy={describedById}
          error={error}
          mandatory={descriptor.mandatory}
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

/** Lower case without accents, so « etienne » finds « Saint-Étienne ». */
function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

interface Choice {
  value: string;
  label: string;
}

function Combobox(props: {
  inputId: string;
  labelId: string;
  name: string;
  choices: Choice[];
  initial: string | null;
  onSelect: (value: string | null) => void;
  describedBy: string | undefined;
  error: boolean;
  mandatory: boolean;
}) {
  const t = useT();
  const tn = useTn();
  const listId = `${props.inputId}-listbox`;
  const optionPrefix = `${useId()}-option`;
  const labelOf = (value: string | null) => props.choices.find((c) => c.value === value)?.label ?? "";
  const [selected, setSelected] = useState<string | null>(props.initial);
  const [query, setQuery] = useState(() => labelOf(props.initial));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const hiddenRef = useRef<HTMLInputElement>(null);

  // The active option stays in view while the arrows move through a long list.
  useEffect(() => {
    if (open && active >= 0)
      listRef.current?.querySelector(`#${CSS.escape(`${optionPrefix}-${active}`)}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, optionPrefix]);

  // The whole list while the box shows the current choice; the matches once the usager types.
  const needle = searchable(query);
  const showAll = needle === "" || query === labelOf(selected);
  const matches = showAll ? props.choices : props.choices.filter((c) => searchable(c.label).includes(needle));
  const listed = matches.slice(0, MAX_LISTED);
  // Expanded only while the list shows options (with no match, a message replaces it).
  const expanded = open && listed.length > 0;

  const choose = (choice: Choice | null) => {
    // A hidden input changes without an event of its own: tell the form (autosave, conditions).
    const hidden = hiddenRef.current;
    if (hidden && hidden.value !== (choice?.value ?? "")) {
      hidden.value = choice?.value ?? "";
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }
    setSelected(choice?.value ?? null);
    setQuery(choice?.label ?? "");
    setOpen(false);
    setActive(-1);
    props.onSelect(choice?.value ?? null);
  };
  const moveTo = (index: number) => setActive(index);
  const openList = () => {
    setOpen(true);
    const index = listed.findIndex((c) => c.value === selected);
    moveTo(Math.max(index, 0));
  };
  // Leaving the box: an exact label chooses it, an empty box clears the choice, anything else is undone.
  const commit = () => {
    if (needle === "") return choose(null);
    const exact = props.choices.find((c) => searchable(c.label) === needle);
    if (exact) return choose(exact);
    setQuery(labelOf(selected));
    setOpen(false);
  };

  return (
    <div className="guichet-combobox">
      <input ref={hiddenRef} type="hidden" name={props.name} value={selected ?? ""} />
      <div className="guichet-combobox__field">
        <input
          ref={inputRef}
          className={props.error ? "fr-input fr-input--error" : "fr-input"}
          id={props.inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && active < listed.length ? `${optionPrefix}-${active}` : undefined}
          aria-describedby={props.describedBy}
          aria-invalid={props.error || undefined}
          aria-required={props.mandatory || undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setOpen(true);
            setActive(-1);
          }}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              if (!open || event.altKey) openList();
              else moveTo(Math.min(active + 1, listed.length - 1));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              if (open) moveTo(Math.max(active - 1, 0));
            } else if (event.key === "Enter") {
              // Enter chooses in the open list; otherwise it submits the form as usual.
              if (open && active >= 0 && listed[active]) {
                event.preventDefault();
                choose(listed[active] ?? null);
              }
            } else if (event.key === "Escape") {
              if (open) {
                event.preventDefault();
                setOpen(false);
              } else if (query !== "") {
                event.preventDefault();
                choose(null);
              }
            }
          }}
        />
        <button
          type="button"
          tabIndex={-1}
          className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-arrow-down-s-line guichet-combobox__toggle"
          aria-label={t("champs.combobox.showAll")}
          aria-controls={listId}
          aria-expanded={expanded}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (expanded) setOpen(false);
            else {
              setQuery(labelOf(selected));
              openList();
            }
            inputRef.current?.focus();
          }}
        />
      </div>
      {/* Options are reached with aria-activedescendant from the box (keyboard) or clicked (mouse). */}
      <div
        ref={listRef}
        className="guichet-combobox__list"
        id={listId}
        role="listbox"
        aria-labelledby={props.labelId}
        hidden={!expanded}
      >
        {listed.map((choice, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard acts through the combobox input (aria-activedescendant).
          <div
            key={choice.value}
            id={`${optionPrefix}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={choice.value === selected}
            className={
              index === active ? "guichet-combobox__option guichet-combobox__option--active" : "guichet-combobox__option"
            }
            // Keeps the focus in the box, so choosing does not first "leave" it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(choice)}
          >
            {choice.label}
          </div>
        ))}
      </div>
      {open && listed.length === 0 ? <p className="guichet-combobox__empty fr-mb-0">{t("champs.combobox.noResult")}</p> : null}
      <p className="fr-sr-only" aria-live="polite">
        {open ? (matches.length === 0 ? t("champs.combobox.noResult") : tn("champs.combobox.results", matches.length)) : ""}
      </p>
    </div>
  );
}

export function DropDownListDisplay({ descriptor, text }: TypedDisplayProps<"drop_down_list">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
