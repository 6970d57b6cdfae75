/**
 * `<ChampDisplay descriptor value text />`: one field of a dossier, read-only (libellé and the
 * type's `displayValue` in the current language, computed by the server: `displayTexts` in
 * `server/queries/form-view.ts`), or a section title.
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { sectionHeadingLevel } from "./champ-input";
import "./champs.css";
import { useChampComponents } from "./registry";
import type { ChampDisplayProps, TypedDisplayProps } from "./types";

export function ChampDisplay({ descriptor, value, text, headingLevel = 2 }: ChampDisplayProps) {
  const Component = useChampComponents(descriptor.type).Display as React.ComponentType<TypedDisplayProps<TypeChamp>>;
  return (
    <Component
      descriptor={descriptor as TypedDisplayProps<TypeChamp>["descriptor"]}
      value={(value ?? null) as TypedDisplayProps<TypeChamp>["value"]}
      text={text}
      headingLevel={sectionHeadingLevel(descriptor.options, headingLevel)}
    />
  );
}
