/**
 * `<ChampDisplay descriptor value />`: one field of a dossier, read-only (libellé and the type's
 * `displayValue` in the current language), or a section title.
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { getTypeDeChamp } from "../../../server/domain/champs/registry";
import { readChampValue } from "../../../server/domain/champs/validate-dossier";
import { useLocale } from "../../lib/i18n";
import { sectionHeadingLevel, typedOptions } from "./champ-input";
import "./champs.css";
import { CHAMP_COMPONENTS } from "./registry";
import type { ChampDisplayProps, TypedDisplayProps } from "./types";

export function ChampDisplay({ descriptor, value, headingLevel = 2 }: ChampDisplayProps) {
  const locale = useLocale();
  const definition = getTypeDeChamp(descriptor.type);
  const options = typedOptions(descriptor);
  const read = readChampValue(descriptor, value);
  const typedValue = read.ok ? read.value : null;
  const Component = CHAMP_COMPONENTS[descriptor.type].Display as React.ComponentType<TypedDisplayProps<TypeChamp>>;
  return (
    <Component
      descriptor={{ ...descriptor, options } as TypedDisplayProps<TypeChamp>["descriptor"]}
      value={typedValue as TypedDisplayProps<TypeChamp>["value"]}
      text={definition.hasValue ? definition.displayValue(typedValue, options, locale) : ""}
      headingLevel={sectionHeadingLevel(options, headingLevel)}
    />
  );
}
