/**
 * The pure parts of the combobox (combobox.tsx): filtering a local list and the keyboard state
 * machine. No React, no DOM, so that they are tested on their own (combobox-state.test.ts).
 */

export interface ComboboxOption {
  /** What the hidden input carries when chosen (a code, an id); empty: the label alone is enough. */
  value: string;
  /** Shown in the list and put in the text input when chosen. */
  label: string;
  /** A second line (département, SIREN…). */
  hint?: string;
}

/** Lower case without accents, so « etienne » finds « Saint-Étienne ». */
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * The options of a local list matching what is typed: the whole list while the box is empty or
 * shows the current choice's label, the matches (accents and case aside) once the usager types.
 * `listed` is what the popup shows (at most `maxListed`), `matches` what the live region counts.
 */
export function filterOptions<O extends ComboboxOption>(
  options: readonly O[],
  text: string,
  selectedLabel: string,
  maxListed: number,
): { matches: readonly O[]; listed: readonly O[] } {
  const needle = searchable(text);
  const showAll = needle === "" || text === selectedLabel;
  const matches = showAll ? options : options.filter((option) => searchable(option.label).includes(needle));
  return { matches, listed: matches.slice(0, maxListed) };
}

/** The option of a local list whose label is exactly what was typed (accents and case aside). */
export function exactOption<O extends ComboboxOption>(options: readonly O[], text: string): O | undefined {
  const needle = searchable(text);
  return needle === "" ? undefined : options.find((option) => searchable(option.label) === needle);
}

export interface KeyState {
  open: boolean;
  /** The active option's index in the listed options, -1 when none. */
  active: number;
  /** How many options are listed. */
  count: number;
  /** Index of the current choice in the listed options, -1 when none (opening starts there). */
  selectedIndex: number;
  /** Whether the box holds any text (Escape on a closed list clears it). */
  hasText: boolean;
  /**
   * Remote suggestions wrap around (up from the box goes to the last one, down from the last to the
   * first) and the arrows do nothing without suggestions; a local list stops at its ends, ↓ (or
   * Alt+↓) opens it at the current choice and ↑ does nothing while it is closed.
   */
  wrap: boolean;
}

export type KeyAction =
  /** Not the combobox's key: let the browser act (Tab leaves, Enter submits…). */
  | { type: "none" }
  /** Swallow the key, change nothing. */
  | { type: "ignore" }
  /** Open the list (if closed) with this option active. */
  | { type: "move"; active: number }
  | { type: "choose"; index: number }
  | { type: "close" }
  | { type: "clear" };

/** What a key does in the combobox's input; every action but "none" prevents the browser's default. */
export function keyAction(key: string, altKey: boolean, state: KeyState): KeyAction {
  const { open, active, count, wrap } = state;
  if (key === "ArrowDown" || key === "ArrowUp") {
    const down = key === "ArrowDown";
    if (wrap) {
      if (count === 0) return { type: "none" };
      const step = down ? 1 : -1;
      return {
        type: "move",
        active: active === -1 ? (down ? 0 : count - 1) : (active + step + count) % count,
      };
    }
    if (down) {
      if (!open || altKey) return { type: "move", active: Math.max(state.selectedIndex, 0) };
      return { type: "move", active: Math.min(active + 1, count - 1) };
    }
    return open ? { type: "move", active: Math.max(active - 1, 0) } : { type: "ignore" };
  }
  if (key === "Enter") {
    // Choosing must not submit the form; without an active option Enter submits as usual.
    return open && active >= 0 && active < count ? { type: "choose", index: active } : { type: "none" };
  }
  if (key === "Escape") {
    if (open) return { type: "close" };
    return state.hasText ? { type: "clear" } : { type: "none" };
  }
  return { type: "none" };
}
