/**
 * `linked_drop_down_list` (« Deux menus déroulants liés »): a primary select, then a secondary one.
 * Without JavaScript the secondary select lists every secondary value grouped by primary
 * (`<optgroup>`), and each option carries its primary (form contract in
 * server/domain/champs/types/linked_drop_down_list.ts), so any choice is understood. Once the page
 * is interactive, the secondary list shows only the chosen primary's values, and is hidden when
 * that primary has none.
 */
import { useState } from "react";
import type { LinkedDropDownValue } from "../../../../server/domain/champs/types/linked_drop_down_list";
import { secondariesOf, secondaryOptionValue } from "../../../../server/domain/champs/types/plain";
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

function initialSecondary(value: LinkedDropDownValue | null): string {
  return value && value.secondary !== "" ? secondaryOptionValue(value.primary, value.secondary) : "";
}

export function LinkedDropDownListInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"linked_drop_down_list">) {
  const t = useT();
  const hydrated = useHydrated();
  const tree = descriptor.options.options;
  const [primary, setPrimary] = useState(value?.primary ?? "");
  const [secondary, setSecondary] = useState(initialSecondary(value));
  const error = errorMessage !== null;
  const secondaryId = `${ids.input}-secondary`;
  const secondaryHintId = `${secondaryId}-hint`;
  const secondaryName = `${ids.name}__secondary`;
  const chosenSecondaries = secondariesOf(tree, primary);
  // Interactive: the secondary list follows the primary; hidden (and not sent) when there is nothing to choose.
  const secondaryHidden = hydrated && (chosenSecondaries === null || chosenSecondaries.length === 0);
  const withError = (own: string | false) => describedBy(own, error && ids.error);

  return (
    <div className={error ? "fr-input-group fr-input-group--error guichet-linked" : "fr-input-group guichet-linked"}>
      <div className={error ? "fr-select-group fr-select-group--error" : "fr-select-group"}>
        <label className="fr-label" htmlFor={ids.input}>
          <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        </label>
        <ChampHint id={ids.hint} description={descriptor.description} />
        <select
          className={error ? "fr-select fr-select--error" : "fr-select"}
          id={ids.input}
          name={ids.name}
          value={primary}
          onChange={(event) => {
            setPrimary(event.currentTarget.value);
            setSecondary("");
          }}
          aria-describedby={withError(hasDescription(descriptor.description) && ids.hint)}
          aria-invalid={error || undefined}
          aria-required={descriptor.mandatory || undefined}
        >
          <option value="">{t("usager.champ.selectPlaceholder")}</option>
          {tree.map((entry) => (
            <option key={entry.primary} value={entry.primary}>
              {entry.primary}
            </option>
          ))}
        </select>
      </div>
      <div className={error ? "fr-select-group fr-select-group--error" : "fr-select-group"} hidden={secondaryHidden}>
        <label className="fr-label" htmlFor={secondaryId}>
          <LabelText
            libelle={descriptor.options.secondaryLibelle || t("champs.linkedDropDownList.secondaryLabel")}
            mandatory={descriptor.mandatory}
          />
          {descriptor.options.secondaryDescription ? (
            <span className="fr-hint-text" id={secondaryHintId}>
              {descriptor.options.secondaryDescription}
            </span>
          ) : null}
        </label>
        <select
          className={error ? "fr-select fr-select--error" : "fr-select"}
          id={secondaryId}
          name={secondaryName}
          value={secondary}
          disabled={secondaryHidden}
          onChange={(event) => setSecondary(event.currentTarget.value)}
          aria-describedby={withError(false)}
          aria-invalid={error || undefined}
          aria-required={descriptor.mandatory || undefined}
        >
          <option value="">
            {hydrated && primary === ""
              ? t("champs.linkedDropDownList.secondaryPlaceholder")
              : t("usager.champ.selectPlaceholder")}
          </option>
          {hydrated
            ? (chosenSecondaries ?? []).map((option) => (
                <option key={option} value={secondaryOptionValue(primary, option)}>
                  {option}
                </option>
              ))
            : tree
                .filter((entry) => entry.secondaries.length > 0)
                .map((entry) => (
                  <optgroup key={entry.primary} label={entry.primary}>
                    {entry.secondaries.map((option) => (
                      <option key={option} value={secondaryOptionValue(entry.primary, option)}>
                        {option}
                      </option>
                    ))}
                  </optgroup>
                ))}
        </select>
      </div>
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function LinkedDropDownListDisplay({ descriptor, text }: TypedDisplayProps<"linked_drop_down_list">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
