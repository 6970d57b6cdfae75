/**
 * `pays`: a select of the countries without JavaScript; once interactive, an autocomplete filtering
 * the same list as the usager types (the server understands the country's name as well as its code).
 */
import { countries, countryName } from "../../../../server/domain/geo/territories";
import { matchRank, searchKey } from "../../../../server/domain/geo/search-text";
import { useLocale, useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import { Combobox, type ComboboxSearch } from "../combobox/combobox";
import { GeoSelect } from "../geo/parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

const MAX_SUGGESTIONS = 30;

function countrySearch(locale: "fr" | "en"): ComboboxSearch {
  return async (query) => {
    const key = searchKey(query);
    return countries(locale)
      .map((country) => ({ country, rank: matchRank(searchKey(country.name), key) }))
      .filter((match) => match.rank !== null)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .slice(0, MAX_SUGGESTIONS)
      .map(({ country }) => ({ value: country.code, label: country.name }));
  };
}

export function PaysInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"pays">) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const choices = countries(locale).map((country) => ({ value: country.code, label: country.name }));
  if (!hydrated)
    return <GeoSelect descriptor={descriptor} ids={ids} errorMessage={errorMessage} value={value} choices={choices} />;

  const error = errorMessage !== null;
  const formatHintId = `${ids.input}-format`;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
        <span className="fr-hint-text" id={formatHintId}>
          {t("champs.geo.pays.hint")}
        </span>
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <Combobox
        id={ids.input}
        name={ids.name}
        className={error ? "fr-input fr-input--error" : "fr-input"}
        defaultText={value === null ? "" : (countryName(value, locale) ?? value)}
        source={{ kind: "remote", search: countrySearch(locale), minLength: 1 }}
        autoComplete="country-name"
        describedBy={describedBy(formatHintId, hasDescription(descriptor.description) && ids.hint, error && ids.error)}
        invalid={error}
        required={descriptor.mandatory}
      />
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

export function PaysDisplay({ descriptor, text }: TypedDisplayProps<"pays">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
