/** `departements`: a select of the départements, « 56 – Morbihan » (the server stores the code). */
import { departementDisplay } from "../../../../server/domain/champs/types/departements";
import { DEPARTEMENTS } from "../../../../server/domain/geo/territories";
import { useLocale } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { GeoSelect } from "../geo/parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function DepartementsInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"departements">) {
  const locale = useLocale();
  const choices = DEPARTEMENTS.map((d) => ({ value: d.code, label: departementDisplay(d.code, locale) }));
  return <GeoSelect descriptor={descriptor} ids={ids} errorMessage={errorMessage} value={value} choices={choices} />;
}

export function DepartementsDisplay({ descriptor, text }: TypedDisplayProps<"departements">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
