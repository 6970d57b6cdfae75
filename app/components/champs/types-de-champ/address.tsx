/**
 * `address`: search in the national address base, with a manual mode (street, postal code, city,
 * country) for addresses it does not know, abroad, or while it is unavailable. See the form contract
 * in server/domain/champs/types/address.ts.
 *
 * Without JavaScript the search text is resolved by the server on save (one address stored, or its
 * proposals listed as radios), and the manual fields are always shown; with JavaScript the search
 * is an autocomplete and the manual fields appear when the box is ticked (or the service fails).
 */
import { useRef, useState } from "react";
import { type AddressValue, missingAddressParts } from "../../../../server/domain/champs/types/address";
import { countries } from "../../../../server/domain/geo/territories";
import { useLocale, useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import { Combobox, type ComboboxOption, remoteSearch } from "../combobox/combobox";
import { CandidateRadios } from "../geo/parts";
import type { ChampIds, TypedDisplayProps, TypedInputProps } from "../types";

type Manual = Extract<AddressValue, { source: "manual" }>;
type Search = Extract<AddressValue, { source: "search" }>;

function ManualPart(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue: string;
  missing: boolean;
  autoComplete: string;
  notice?: string | null;
}) {
  const t = useT();
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const noticeId = `${props.id}-notice`;
  return (
    <div
      className={
        props.missing ? "fr-fieldset__element fr-input-group fr-input-group--error" : "fr-fieldset__element fr-input-group"
      }
    >
      <label className="fr-label" htmlFor={props.id}>
        {props.label}
        {props.hint ? (
          <span className="fr-hint-text" id={hintId}>
            {props.hint}
          </span>
        ) : null}
      </label>
      <input
        className={props.missing ? "fr-input fr-input--error" : "fr-input"}
        type="text"
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy(props.hint && hintId, props.notice && noticeId, props.missing && errorId)}
        aria-invalid={props.missing || undefined}
      />
      {props.notice ? (
        <p className="fr-info-text" id={noticeId}>
          {props.notice}
        </p>
      ) : null}
      {props.missing ? <ChampErrorText id={errorId} message={t("champs.geo.address.missingPart")} /> : null}
    </div>
  );
}

type ManualStart = Pick<Manual, "countryCode" | "streetAddress" | "postalCode" | "cityName">;

/** What the manual fields start with: the address typed by hand, else the BAN's parts, else the search text as street. */
function manualStart(value: AddressValue | null): ManualStart {
  if (value?.source === "manual") return value;
  if (value?.source === "ban") {
    return { countryCode: "FR", streetAddress: value.streetAddress, postalCode: value.postalCode, cityName: value.cityName };
  }
  return { countryCode: "FR", streetAddress: value?.query ?? "", postalCode: "", cityName: "" };
}

function ManualFields(props: { ids: ChampIds; value: AddressValue | null; shown: boolean; showErrors: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { ids } = props;
  const value = props.value?.source === "manual" ? props.value : null;
  const start = manualStart(props.value);
  const [country, setCountry] = useState(start.countryCode);
  const missing = value && props.showErrors ? missingAddressParts(value) : [];
  const france = country === "FR";
  const communeUnknown =
    value?.countryCode === "FR" && !value.cityCode && value.postalCode !== "" && value.cityName !== ""
      ? t("champs.geo.address.communeUnknown")
      : null;
  const id = (part: string) => `${ids.input}-${part}`;
  return (
    <fieldset className="fr-fieldset guichet-geo-manual" id={id("manual")} hidden={!props.shown} disabled={!props.shown}>
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular">{t("champs.geo.address.manualLegend")}</legend>
      <div className="fr-fieldset__element fr-select-group">
        <label className="fr-label" htmlFor={id("country")}>
          {t("champs.geo.address.country")}
        </label>
        <select
          className="fr-select"
          id={id("country")}
          name={`${ids.name}__country`}
          defaultValue={country}
          autoComplete="country"
          onChange={(event) => setCountry(event.currentTarget.value)}
        >
          {countries(locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <ManualPart
        id={id("street")}
        name={`${ids.name}__street`}
        label={t("champs.geo.address.street")}
        hint={france ? t("champs.geo.address.streetHintFrance") : t("champs.geo.address.streetHintAbroad")}
        defaultValue={start.streetAddress}
        missing={missing.includes("street")}
        autoComplete="street-address"
      />
      <ManualPart
        id={id("postal-code")}
        name={`${ids.name}__postal_code`}
        label={t("champs.geo.address.postalCode")}
        defaultValue={start.postalCode}
        missing={missing.includes("postal_code")}
        autoComplete="postal-code"
      />
      <ManualPart
        id={id("city")}
        name={`${ids.name}__city`}
        label={t("champs.geo.address.city")}
        hint={france ? undefined : t("champs.geo.address.cityHintAbroad")}
        defaultValue={start.cityName}
        missing={missing.includes("city")}
        autoComplete="address-level2"
        notice={communeUnknown}
      />
    </fieldset>
  );
}

export function AddressInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"address">) {
  const t = useT();
  const hydrated = useHydrated();
  const manualValue = value?.source === "manual" ? value : null;
  const search: Search | null = value?.source === "search" ? value : null;
  const [manual, setManual] = useState(manualValue !== null || search?.unavailable === true);
  const selectRef = useRef<((option: ComboboxOption) => void) | null>(null);
  const error = errorMessage !== null;
  const formatHintId = `${ids.input}-format`;
  const noticeId = `${ids.input}-notice`;
  const notice = search?.unavailable
    ? t("champs.geo.address.unavailable")
    : search && search.candidates?.length === 0 && search.query.trim() !== ""
      ? t("champs.geo.address.notFound", { query: search.query })
      : null;
  const described = describedBy(
    formatHintId,
    hasDescription(descriptor.description) && ids.hint,
    notice !== null && noticeId,
    error && ids.error,
  );
  const text = value?.source === "ban" ? value.label : (search?.query ?? "");
  const candidates = search?.candidates ?? [];
  const manualBoxId = `${ids.input}-manual-mode`;

  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        <span className="fr-hint-text" id={formatHintId}>
          {t("champs.geo.address.hint")}
        </span>
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      {hydrated ? (
        <Combobox
          id={ids.input}
          name={ids.name}
          className={error ? "fr-input fr-input--error" : "fr-input"}
          defaultText={text}
          selectionName={`${ids.name}__ban`}
          defaultSelection={value?.source === "ban" ? value.banId : ""}
          source={{ kind: "remote", search: remoteSearch("adresses"), minLength: 3 }}
          describedBy={described}
          invalid={error}
          required={descriptor.mandatory}
          autoComplete="off"
          onSelect={(option) => {
            if (option) setManual(false);
          }}
          onUnavailable={() => setManual(true)}
          selectRef={selectRef}
        />
      ) : (
        <input
          className={error ? "fr-input fr-input--error" : "fr-input"}
          type="text"
          id={ids.input}
          name={ids.name}
          defaultValue={text}
          autoComplete="off"
          aria-describedby={described}
          aria-invalid={error || undefined}
          aria-required={descriptor.mandatory || undefined}
        />
      )}
      {notice !== null ? (
        <p className="fr-info-text" id={noticeId}>
          {notice}
        </p>
      ) : null}
      {candidates.length > 0 ? (
        <CandidateRadios
          id={`${ids.input}-candidates`}
          name={`${ids.name}__ban`}
          legend={t("champs.geo.address.candidatesLegend", { query: search?.query ?? "" })}
          choices={candidates.map((candidate) => ({ value: candidate.banId, label: candidate.label }))}
          onPick={(choice) => selectRef.current?.({ value: choice.value, label: choice.label })}
        />
      ) : null}
      <div className="fr-checkbox-group fr-mt-2w">
        <input
          type="checkbox"
          id={manualBoxId}
          name={`${ids.name}__manual`}
          value="true"
          checked={manual}
          onChange={(event) => setManual(event.currentTarget.checked)}
          aria-controls={`${ids.input}-manual`}
        />
        <label className="fr-label" htmlFor={manualBoxId}>
          {t("champs.geo.address.manualToggle")}
        </label>
      </div>
      <ManualFields
        ids={ids}
        value={value}
        // Without JavaScript the manual fields are always there (typed alone, they count).
        shown={!hydrated || manual}
        showErrors={error}
      />
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function AddressDisplay({ descriptor, text }: TypedDisplayProps<"address">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
