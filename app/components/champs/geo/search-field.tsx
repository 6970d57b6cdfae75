/**
 * The input of `communes` and `epci`: a text field the server resolves on save (without JavaScript),
 * enhanced into an autocomplete on the public search endpoint once the page is interactive; below
 * it, the candidates the server kept when the text named several entries, or a notice when none.
 */
import { useRef } from "react";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import type { ChampIds } from "../types";
import { Combobox, type ComboboxOption, remoteSearch } from "../combobox/combobox";
import { CandidateRadios, type Choice } from "./parts";

export interface GeoSearchFieldProps {
  descriptor: { libelle: string; description: string | null; mandatory: boolean };
  ids: ChampIds;
  errorMessage: string | null;
  kind: "communes" | "epci";
  /** How to fill the field, under the label. */
  hint: string;
  /** The text shown (the chosen entry's label, or what was typed). */
  text: string;
  /** The chosen entry as the hidden input carries it (empty when none). */
  selection: string;
  candidates: { legend: string; choices: Choice[] } | null;
  notice: string | null;
}

export function GeoSearchField(props: GeoSearchFieldProps) {
  const { descriptor, ids } = props;
  const hydrated = useHydrated();
  const selectRef = useRef<((option: ComboboxOption) => void) | null>(null);
  const error = props.errorMessage !== null;
  const formatHintId = `${ids.input}-format`;
  const noticeId = `${ids.input}-notice`;
  const described = describedBy(
    formatHintId,
    hasDescription(descriptor.description) && ids.hint,
    props.notice !== null && noticeId,
    error && ids.error,
  );
  const selectionName = `${ids.name}__code`;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        <span className="fr-hint-text" id={formatHintId}>
          {props.hint}
        </span>
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      {hydrated ? (
        <Combobox
          id={ids.input}
          name={ids.name}
          className={error ? "fr-input fr-input--error" : "fr-input"}
          defaultText={props.text}
          selectionName={selectionName}
          defaultSelection={props.selection}
          source={{ kind: "remote", search: remoteSearch(props.kind), minLength: 2 }}
          describedBy={described}
          invalid={error}
          required={descriptor.mandatory}
          selectRef={selectRef}
        />
      ) : (
        <input
          className={error ? "fr-input fr-input--error" : "fr-input"}
          type="text"
          id={ids.input}
          name={ids.name}
          defaultValue={props.text}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={described}
          aria-invalid={error || undefined}
          aria-required={descriptor.mandatory || undefined}
        />
      )}
      {props.notice !== null ? (
        <p className="fr-info-text" id={noticeId}>
          {props.notice}
        </p>
      ) : null}
      {props.candidates ? (
        <CandidateRadios
          id={`${ids.input}-candidates`}
          name={selectionName}
          legend={props.candidates.legend}
          choices={props.candidates.choices}
          onPick={(choice) => selectRef.current?.({ value: choice.value, label: choice.text ?? choice.label })}
        />
      ) : null}
      <ChampErrorText id={ids.error} message={props.errorMessage} />
    </div>
  );
}
