/**
 * The state a whole form shares with its fields: values and errors by `ChampKey`, which occurrences
 * conditions hide, and how to render one field occurrence. Repetition blocks read it to render
 * their rows' children; it is provided by `ChampInputList` / `ChampDisplayList`.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import type { ChampError } from "../../../server/domain/champs/errors";
import type { ChampKey } from "../../../server/domain/form/keys";

export interface ChampTreeState {
  values: Readonly<Record<string, unknown>>;
  errors: Readonly<Record<string, ChampError>>;
  hidden: ReadonlySet<ChampKey>;
  /** A row just added: it takes the focus so keyboard and screen reader users land in it. */
  focusRowId?: string | null;
  /** Pages of the dossiers that `dossier_link` fields name and the viewer may open, by number. */
  dossierLinks?: Readonly<Record<string, string>>;
  renderField(descriptor: ChampDescriptor, key: ChampKey): ReactNode;
}

export const ChampTreeContext = createContext<ChampTreeState | null>(null);

/** The tree state when there is one (a lone field rendered outside a list has none). */
export function useOptionalChampTree(): ChampTreeState | null {
  return useContext(ChampTreeContext);
}

export function useChampTree(): ChampTreeState {
  const state = useContext(ChampTreeContext);
  if (!state) throw new Error("Repetition blocks render inside ChampInputList or ChampDisplayList");
  return state;
}

/** Actions of the repetition buttons, posted as the form's `intent`. */
export const ROW_ADD_INTENT = "row-add:";
export const ROW_REMOVE_INTENT = "row-remove:";
