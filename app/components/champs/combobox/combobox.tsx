/**
 * The one accessible combobox of the forms (WAI-ARIA 1.2 combobox with a listbox popup, list
 * autocomplete, manual selection), rendered only once the page is interactive: before that (and
 * without JavaScript) each field renders its own fallback (a select, or a text field the server
 * resolves on save). Two sources of options:
 *
 * - `local`: a list known to the page (a long drop-down list). Typing filters it (accents aside), a
 *   button shows it all, and only a listed option can be chosen: leaving the box chooses an option
 *   whose label was typed exactly, clears the choice when the box is empty, and otherwise puts back
 *   the previous choice;
 * - `remote`: suggestions searched as the usager types (debounced, from `minLength` characters),
 *   e.g. communes, EPCI, addresses, countries. What was typed stays free text the server resolves.
 *
 * Both: focus stays in the input, ↓/↑ move the active option (`aria-activedescendant`), Enter
 * chooses (without submitting the form), Échap closes then clears, the pointer works too; a polite
 * live region counts the results, and « no result » is also shown to everyone. The keyboard rules
 * and the filtering are the pure functions of combobox-state.ts.
 *
 * Inputs: the text input is posted under `name` when given (remote); the choice goes to a hidden
 * input `selectionName` that exists only with JavaScript, so that a page without it never posts a
 * stale choice.
 */
import { useEffect, useRef, useState } from "react";
import { useT, useTn } from "../../../lib/i18n";
import { type ComboboxOption, exactOption, filterOptions, keyAction } from "./combobox-state";

export type { ComboboxOption } from "./combobox-state";

export type ComboboxSearch = (query: string, signal: AbortSignal) => Promise<ComboboxOption[] | "unavailable">;

export type ComboboxSource =
  | { kind: "local"; options: readonly ComboboxOption[] }
  | {
      kind: "remote";
      search: ComboboxSearch;
      /** Characters needed before searching. */
      minLength: number;
    };

export interface ComboboxProps {
  id: string;
  source: ComboboxSource;
  /** Name of the text input (what was typed is posted); none: only the choice is posted. */
  name?: string;
  defaultText: string;
  /** Hidden input receiving the chosen option's value (none when omitted). */
  selectionName?: string;
  defaultSelection?: string;
  /** The label that names the list; without it the list is named « Suggestions ». */
  labelId?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  autoComplete?: string;
  className?: string;
  /** Told when an option is chosen (by keyboard or pointer), or the choice cleared (null). */
  onSelect?: (option: ComboboxOption | null) => void;
  /** Told when the remote search is unavailable. */
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
/** A local list shows at most this many matches at once (typing narrows the list). */
const MAX_LISTED = 200;

export function Combobox(props: ComboboxProps) {
  const t = useT();
  const tn = useTn();
  const { source } = props;
  const local = source.kind === "local" ? source : null;
  const remote = source.kind === "remote" ? source : null;
  const listboxId = `${props.id}-listbox`;
  const optionId = (index: number) => `${listboxId}-${index}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const hiddenRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(props.defaultText);
  const [selection, setSelection] = useState(props.defaultSelection ?? "");
  const [search, setSearch] = useState<SearchState>({ state: "idle" });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [pending, setPending] = useState<string | null>(null);
  const searchRef = useRef(remote?.search);
  searchRef.current = remote?.search;
  const unavailableRef = useRef(props.onUnavailable);
  unavailableRef.current = props.onUnavailable;
  const minLength = remote?.minLength ?? 0;

  // Remote: debounced search of the text typed (not of a label put there by a choice).
  useEffect(() => {
    if (pending === null) return;
    const query = pending.trim();
    if (query.length < minLength) {
      setSearch({ state: query === "" ? "idle" : "tooShort" });
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const run = searchRef.current;
      if (!run) return;
      setSearch({ state: "searching" });
      run(query, controller.signal).then(
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
  }, [pending, minLength]);

  const selectedLabel = local ? (local.options.find((option) => option.value === selection)?.label ?? "") : "";
  const { matches, listed } = local
    ? filterOptions(local.options, text, selectedLabel, MAX_LISTED)
    : { matches: search.state === "done" ? search.options : [], listed: search.state === "done" ? search.options : [] };
  // Expanded only while the list shows options (with no match, a message replaces it).
  const expanded = open && listed.length > 0;
  const activeId = expanded && active >= 0 && active < listed.length ? optionId(active) : undefined;

  // The active option stays in view while the arrows move through a long list.
  useEffect(() => {
    if (activeId) listRef.current?.querySelector(`#${CSS.escape(activeId)}`)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  /** The input is uncontrolled (what is typed is never overwritten by a re-render): write it directly. */
  function writeText(value: string) {
    setText(value);
    if (inputRef.current) inputRef.current.value = value;
  }

  /**
   * A choice changes inputs without a keystroke: write them, then tell the form (autosave, live
   * conditions) with a change event on the posted input, when what is posted changed.
   */
  function writeChoice(label: string, value: string) {
    const changed = (inputRef.current?.value ?? text) !== label || (hiddenRef.current?.value ?? selection) !== value;
    writeText(label);
    setSelection(value);
    if (hiddenRef.current) hiddenRef.current.value = value;
    if (!changed) return;
    const target = props.name ? inputRef.current : hiddenRef.current;
    queueMicrotask(() => target?.dispatchEvent(new Event("change", { bubbles: true })));
  }

  function choose(option: ComboboxOption | null) {
    writeChoice(option?.label ?? "", option?.value ?? "");
    setOpen(false);
    setActive(-1);
    if (remote) {
      setPending(remote && option === null ? "" : null);
      if (option) setSearch({ state: "idle" });
    }
    props.onSelect?.(option);
  }
  if (props.selectRef) props.selectRef.current = choose;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const action = keyAction(event.key, event.altKey, {
      open,
      active,
      count: listed.length,
      selectedIndex: local ? listed.findIndex((option) => option.value === selection) : -1,
      hasText: (inputRef.current?.value ?? text) !== "",
      wrap: remote !== null,
    });
    if (action.type === "none") return;
    event.preventDefault();
    switch (action.type) {
      case "move":
        setOpen(true);
        setActive(action.active);
        break;
      case "choose":
        choose(listed[action.index] ?? null);
        break;
      case "close":
        setOpen(false);
        setActive(-1);
        break;
      case "clear":
        choose(null);
        break;
    }
  }

  /** Leaving a local list: an exact label chooses it, an empty box clears the choice, anything else is undone. */
  function commit() {
    if (!local) return setOpen(false);
    if (text.trim() === "") return choose(null);
    const exact = exactOption(local.options, text);
    if (exact) return choose(exact);
    writeText(selectedLabel);
    setOpen(false);
  }

  const statusText = local
    ? open
      ? matches.length === 0
        ? t("champs.combobox.noResult")
        : tn("champs.combobox.results", matches.length)
      : ""
    : search.state === "tooShort"
      ? t("champs.geo.combobox.minLength", { min: minLength })
      : search.state === "searching"
        ? t("champs.geo.combobox.searching")
        : search.state === "unavailable"
          ? t("champs.geo.combobox.unavailable")
          : search.state === "done"
            ? listed.length === 0
              ? t("champs.geo.combobox.noResult")
              : listed.length === 1
                ? t("champs.geo.combobox.oneResult")
                : t("champs.geo.combobox.results", { count: listed.length })
            : "";
  // Seen by everyone, not only announced: nothing matches what was typed, or the search failed.
  const visibleMessage = local
    ? open && listed.length === 0
      ? t("champs.combobox.noResult")
      : null
    : search.state === "done" && listed.length === 0
      ? t("champs.geo.combobox.noResult")
      : search.state === "unavailable"
        ? t("champs.geo.combobox.unavailable")
        : null;

  const input = (
    <input
      ref={inputRef}
      className={props.className ?? "fr-input"}
      type="text"
      id={props.id}
      name={props.name}
      defaultValue={props.defaultText}
      role="combobox"
      aria-autocomplete="list"
      aria-expanded={expanded}
      aria-controls={listboxId}
      aria-activedescendant={activeId}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      aria-required={props.required || undefined}
      autoComplete={props.autoComplete ?? "off"}
      spellCheck={false}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        setActive(-1);
        if (local) setOpen(true);
        else {
          // Typing again clears the choice of a suggestion (a local choice stays until the box is left).
          setSelection("");
          setPending(value);
        }
      }}
      onKeyDown={onKeyDown}
      onBlur={commit}
      onFocus={remote ? () => setOpen(listed.length > 0 && selection === "") : undefined}
    />
  );

  return (
    <div className={local ? "guichet-combobox guichet-combobox--local" : "guichet-combobox"}>
      {props.selectionName ? <input ref={hiddenRef} type="hidden" name={props.selectionName} value={selection} /> : null}
      {local ? (
        <div className="guichet-combobox__field">
          {input}
          <button
            type="button"
            tabIndex={-1}
            className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-arrow-down-s-line guichet-combobox__toggle"
            aria-label={t("champs.combobox.showAll")}
            aria-controls={listboxId}
            aria-expanded={expanded}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (expanded) setOpen(false);
              else {
                writeText(selectedLabel);
                setOpen(true);
                setActive(
                  Math.max(
                    local.options.findIndex((option) => option.value === selection),
                    0,
                  ),
                );
              }
              inputRef.current?.focus();
            }}
          />
        </div>
      ) : (
        input
      )}
      {/* Options are reached with aria-activedescendant from the box (keyboard) or clicked (pointer). */}
      <div
        ref={listRef}
        className="guichet-combobox__listbox"
        id={listboxId}
        role="listbox"
        aria-labelledby={props.labelId}
        aria-label={props.labelId ? undefined : t("champs.geo.combobox.listLabel")}
        hidden={!expanded}
      >
        {listed.map((option, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard acts through the combobox input (aria-activedescendant).
          <div
            key={`${option.value}|${option.label}`}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={local ? option.value === selection : index === active}
            className={
              index === active ? "guichet-combobox__option guichet-combobox__option--active" : "guichet-combobox__option"
            }
            // Keeps the focus in the box, so choosing does not first "leave" it.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
            {option.hint ? <span className="guichet-combobox__hint">{option.hint}</span> : null}
          </div>
        ))}
      </div>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {statusText}
      </p>
      {visibleMessage ? <p className="fr-message fr-message--info guichet-combobox__empty">{visibleMessage}</p> : null}
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
