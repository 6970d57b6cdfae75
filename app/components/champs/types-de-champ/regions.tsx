/** `regions`: a select of the 18 régions (the server stores the INSEE code). */
import { REGIONS } from "../../../../server/domain/geo/territories";
import { DisplayItem } from "../display-parts";
import { GeoSelect } from "../geo/parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

const CHOICES = REGIONS.map((region) => ({ value: region.code, label: region.name }));

export function RegionsInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"regions">) {
  return <GeoSelect descriptor={descriptor} ids={ids} errorMessage={errorMessage} value={value} choices={CHOICES} />;
}

export function RegionsDisplay({ descriptor, text }: TypedDisplayProps<"regions">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
