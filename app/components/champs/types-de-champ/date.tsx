/**
 * `date` (« Date »): the browser's date picker (bounded by the administrateur's range). A browser
 * without one shows a text input; the server then reads "15/03/2024" as well as "2024-03-15".
 */
import { DisplayItem } from "../display-parts";
import { useDateRulesHint } from "../rule-hints";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function DateInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"date">) {
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      type="date"
      formatHint={useDateRulesHint(descriptor.options)}
      min={descriptor.options.startDate}
      max={descriptor.options.endDate}
    />
  );
}

export function DateDisplay({ descriptor, text }: TypedDisplayProps<"date">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
