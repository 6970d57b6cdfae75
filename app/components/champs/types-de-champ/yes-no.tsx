/** `yes_no` (« Oui/Non »): two inline radios sending "true" / "false". */
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { type TwoChoices, TwoChoicesInput } from "./two-choices";

const YES_NO: TwoChoices = [
  { value: "true", label: "champs.yesNo.true" },
  { value: "false", label: "champs.yesNo.false", suffix: "false" },
];

export function YesNoInput(props: TypedInputProps<"yes_no">) {
  return <TwoChoicesInput {...props} choices={YES_NO} />;
}

export function YesNoDisplay({ descriptor, text }: TypedDisplayProps<"yes_no">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
