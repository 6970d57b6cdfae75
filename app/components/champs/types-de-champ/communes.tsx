/**
 * `communes`: the name or postal code of a commune, resolved by the server on save (see the form
 * contract in server/domain/champs/types/communes.ts); an autocomplete with JavaScript.
 */
import { communeLabel, communeSelection, isResolvedCommune } from "../../../../server/domain/champs/types/communes";
import { departementDisplay } from "../../../../server/domain/champs/types/departements";
import { useLocale, useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { GeoSearchField } from "../geo/search-field";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function CommunesInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"communes">) {
  const t = useT();
  const locale = useLocale();
  const resolved = isResolvedCommune(value) ? value : null;
  const unresolved = value !== null && !isResolvedCommune(value) ? value : null;
  const candidates = unresolved?.candidates ?? [];
  return (
    <GeoSearchField
      descriptor={descriptor}
      ids={ids}
      errorMessage={errorMessage}
      kind="communes"
      hint={t("champs.geo.communes.hint")}
      text={resolved ? communeLabel(resolved) : (unresolved?.query ?? "")}
      selection={resolved ? communeSelection(resolved) : ""}
      candidates={
        candidates.length > 0
          ? {
              legend: t("champs.geo.communes.candidatesLegend", { query: unresolved?.query ?? "" }),
              choices: candidates.map((candidate) => ({
                value: communeSelection(candidate),
                text: communeLabel(candidate),
                label: t("champs.geo.communes.candidate", {
                  name: candidate.name,
                  postalCode: candidate.postalCode,
                  departement: departementDisplay(candidate.departementCode, locale),
                }),
              })),
            }
          : null
      }
      notice={
        unresolved && unresolved.candidates?.length === 0 && unresolved.query.trim() !== ""
          ? t("champs.geo.communes.notFound", { query: unresolved.query })
          : null
      }
    />
  );
}

export function CommunesDisplay({ descriptor, text }: TypedDisplayProps<"communes">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
