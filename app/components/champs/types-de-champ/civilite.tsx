/** `civilite` (« Civilité »): two inline radios sending "M." / "Mme". */
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { type TwoChoices, TwoChoicesInput } from "./two-choices";

const CIVILITES: TwoChoices = [
  { value: "M.", label: "champs.civilite.monsieur" },
  { value: "Mme", label: "champs.civilite.madame", suffix: "mme" },
];

export function CiviliteInput(props: TypedInputProps<"civilite">) {
  return <TwoChoicesInput {...props} choices={CIVILITES} />;
}

export function CiviliteDisplay({ descriptor, text }: TypedDisplayProps<"civilite">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
