/**
 * `integer_number` (« Nombre entier »): a text input with the numeric keyboard rather than
 * type="number", which would silently drop what is not a number ("12 €") instead of letting the
 * server keep it in the draft and explain the problem at submission. The administrateur's bounds
 * are stated under the label.
 */
import { DisplayItem } from "../display-parts";
import { useNumberRulesHint } from "../rule-hints";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function IntegerNumberInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"integer_number">) {
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      inputMode="numeric"
      autoComplete="off"
      formatHint={useNumberRulesHint(descriptor.options)}
    />
  );
}

export function IntegerNumberDisplay({ descriptor, text }: TypedDisplayProps<"integer_number">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
