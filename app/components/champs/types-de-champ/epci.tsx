/**
 * `epci`: the name or SIREN of an EPCI, resolved by the server on save (see the form contract in
 * server/domain/champs/types/epci.ts); an autocomplete with JavaScript.
 */
import { departementDisplay } from "../../../../server/domain/champs/types/departements";
import { epciLabel, epciSelection, isResolvedEpci } from "../../../../server/domain/champs/types/epci";
import { useLocale, useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { GeoSearchField } from "../geo/search-field";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function EpciInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"epci">) {
  const t = useT();
  const locale = useLocale();
  const resolved = isResolvedEpci(value) ? value : null;
  const unresolved = value !== null && !isResolvedEpci(value) ? value : null;
  const candidates = unresolved?.candidates ?? [];
  const legend =
    unresolved?.query === "" && unresolved.departementCode
      ? t("champs.geo.epci.departementLegend", { departement: departementDisplay(unresolved.departementCode, locale) })
      : t("champs.geo.epci.candidatesLegend", { query: unresolved?.query ?? "" });
  return (
    <GeoSearchField
      descriptor={descriptor}
      ids={ids}
      errorMessage={errorMessage}
      kind="epci"
      hint={t("champs.geo.epci.hint")}
      text={resolved ? epciLabel(resolved) : (unresolved?.query ?? "")}
      selection={resolved ? epciSelection(resolved) : ""}
      candidates={
        candidates.length > 0
          ? {
              legend,
              choices: candidates.map((candidate) => ({
                value: epciSelection(candidate),
                text: epciLabel(candidate),
                label: t("champs.geo.epci.candidate", {
                  name: candidate.name,
                  departement: departementDisplay(candidate.departementCode, locale),
                  code: candidate.code,
                }),
              })),
            }
          : null
      }
      notice={
        unresolved && unresolved.candidates?.length === 0 && unresolved.query.trim() !== ""
          ? t("champs.geo.epci.notFound", { query: unresolved.query })
          : null
      }
    />
  );
}

export function EpciDisplay({ descriptor, text }: TypedDisplayProps<"epci">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
