/**
 * An accessible autocomplete (WAI-ARIA 1.2 combobox with a listbox popup) for the geographic
 * fields, rendered only once the page is interactive: before that (and without JavaScript) the same
 * `<input>` is a plain text field whose content the server resolves on save.
 *
 * - the text input keeps its `name` (the server reads what was typed, or the chosen label);
 * - the choice goes to a hidden input (`selectionName`) that exists only with JavaScript, so that a
 *   page without it never posts a stale choice; typing again clears it;
 * - ↓/↑ move in the list (opening it), Enter picks, Échap closes then clears, the pointer works too;
 * - a polite live region says how many results there are (or that the search failed).
 */
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../../../lib/i18n";

export interface ComboboxOption {
  /** What the hidden input carries when chosen (a code, an id); empty: the label alone is enough. */
  value: string;
  /** Shown in the list and put in the text input when chosen. */
  label: string;
  /** A second line (département, SIREN…). */
  hint?: string;
}

export type ComboboxSearch = (query: string, signal: AbortSignal) => Promise<ComboboxOption[] | "unavailable">;

export interface ComboboxProps {
  id: string;
  name: string;
  defaultText: string;
  /** Hidden input receiving the chosen option's value (none when omitted). */
  selectionName?: string;
  defaultSelection?: string;
  search: ComboboxSearch;
  /** Characters needed before searching. */
  minLength: number;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  autoComplete?: string;
  className?: string;
  /** Told when an option is chosen (by keyboard or pointer) and when the service is unavailable. */
  onSelect?: (option: ComboboxOption) => void;
  onUnavailable?: () => void;
  /** Lets the parent pick an option (e.g. a candidate radio), as if chosen in the list. */
  selectRef?: { current: ((option: ComboboxOption) => void) | null };
}

type SearchState =
  | { state: "idle" }
  | { state: "tooShort" }
  | { state: "searching" }
  | { state: "done"; options: ComboboxOption[] }
  | { state: "unavailable" };

const DEBOUNCE_MS = 250;

export function Combobox(props: ComboboxProps) {
  const t = useT();
  const listboxId = `${props.id}-listbox`;
  const statusId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(props.defaultText);
  const [selection, setSelection] = useState(props.defaultSelection ?? "");
  const [search, setSearch] = useState<SearchState>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [pending, setPending] = useState<string | null>(null);
  const searchRef = useRef(props.search);
  searchRef.current = props.search;
  const unavailableRef = useRef(props.onUnavailable);
  unavailableRef.current = props.onUnavailable;

  // Debounced search of the text typed (not of a label put there by a choice).
  useEffect(() => {
    if (pending === null) return;
    const query = pending.trim();
    if (query.length < props.minLength) {
      setSearch({ state: query === "" ? "idle" : "tooShort" });
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ state: "searching" });
      searchRef.current(query, controller.signal).then(
        (result) => {
          if (controller.signal.aborted) return;
          if (result === "unavailable") {
            setSearch({ state: "unavailable" });
            setOpen(false);
            unavailableRef.current?.();
            return;
          }
          setSearch({ state: "done", options: result });
          setActive(-1);
          setOpen(result.length > 0);
        },
        () => {
          if (!controller.signal.aborted) setSearch({ state: "unavailable" });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [pending, props.minLength]);

  const options = search.state === "done" ? search.options : [];

  /** Tells the form (autosave, live conditions) that the field changed without a keystroke. */
  function announceChange() {
    queueMicrotask(() => inputRef.current?.dispatchEvent(new Event("change", { bubbles: true })));
  }

  /** The input is uncontrolled (what is typed is never overwritten by a re-render): write it directly. */
  function writeText(value: string) {
    setText(value);
    if (inputRef.current) inputRef.current.value = value;
  }

  function choose(option: ComboboxOption) {
    writeText(option.label);
    setSelection(option.value);
    setOpen(false);
    setActive(-1);
    setPending(null);
    setSearch({ state: "idle" });
    props.onSelect?.(option);
    announceChange();
  }
  if (props.selectRef) props.selectRef.current = choose;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) =>
        current === -1 ? (step > 0 ? 0 : options.length - 1) : (current + step + options.length) % options.length,
      );
    } else if (event.key === "Enter" && open && active >= 0) {
      // Choosing must not submit the form.
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if ((inputRef.current?.value ?? text) !== "") {
        event.preventDefault();
        writeText("");
        setSelection("");
        setPending("");
        announceChange();
      }
    }
  }

  const statusText =
    search.state === "tooShort"
      ? t("champs.geo.combobox.minLength", { min: props.minLength })
      : search.state === "searching"
        ? t("champs.geo.combobox.searching")
        : search.state === "unavailable"
          ? t("champs.geo.combobox.unavailable")
          : search.state === "done"
            ? options.length === 0
              ? t("champs.geo.combobox.noResult")
              : options.length === 1
                ? t("champs.geo.combobox.oneResult")
                : t("champs.geo.combobox.results", { count: options.length })
            : "";

  return (
    <div className="guichet-combobox">
      <input
        ref={inputRef}
        className={props.className ?? "fr-input"}
        type="text"
        id={props.id}
        name={props.name}
        defaultValue={props.defaultText}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listboxId}
        aria-activedescendant={open && active >= 0 ? `${listboxId}-${active}` : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        autoComplete={props.autoComplete ?? "off"}
        spellCheck={false}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setSelection("");
          setPending(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(options.length > 0 && selection === "")}
      />
      <div
        className="guichet-combobox__listbox"
        id={listboxId}
        role="listbox"
        aria-label={t("champs.geo.combobox.listLabel")}
        hidden={!open}
      >
        {options.map((option, index) => (
          // The combobox pattern: focus stays in the input, which handles the keyboard and points
          // at the active option with aria-activedescendant; options are only clicked.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard is handled by the combobox input.
          <div
            key={`${option.value}|${option.label}`}
            id={`${listboxId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={
              index === active ? "guichet-combobox__option guichet-combobox__option--active" : "guichet-combobox__option"
            }
            // Keep the focus in the input while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
            {option.hint ? <span className="guichet-combobox__hint">{option.hint}</span> : null}
          </div>
        ))}
      </div>
      <p id={statusId} className="fr-sr-only" role="status" aria-live="polite">
        {statusText}
      </p>
      {/* Seen by everyone, not only announced: nothing matches what was typed. */}
      {search.state === "done" && options.length === 0 ? (
        <p className="fr-message fr-message--info">{t("champs.geo.combobox.noResult")}</p>
      ) : null}
      {search.state === "unavailable" ? (
        <p className="fr-message fr-message--info">{t("champs.geo.combobox.unavailable")}</p>
      ) : null}
      {props.selectionName ? <input type="hidden" name={props.selectionName} value={selection} /> : null}
    </div>
  );
}

/** A search against one of the public geography endpoints (`/api/geo/<kind>?q=`). */
export function remoteSearch(kind: "communes" | "epci" | "adresses"): ComboboxSearch {
  return async (query, signal) => {
    const response = await fetch(`/api/geo/${kind}?q=${encodeURIComponent(query)}`, {
      signal,
      headers: { accept: "application/json" },
    });
    if (response.status === 503) return "unavailable";
    if (!response.ok) throw new Error(`geo search: HTTP ${response.status}`);
    const body = (await response.json()) as { results?: ComboboxOption[] };
    return Array.isArray(body.results) ? body.results : [];
  };
}
