/**
 * `datetime` (« Date et heure »): the browser's date-and-time picker. A browser without one shows a
 * text input; the server then reads "15/03/2024 14:30" as well as "2024-03-15T14:30".
 */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { joinHints, useDateRulesHint } from "../rule-hints";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function DatetimeInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"datetime">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      type="datetime-local"
      formatHint={joinHints(t("usager.champ.formats.datetime"), useDateRulesHint(descriptor.options))}
      min={descriptor.options.startDate ? `${descriptor.options.startDate}T00:00` : undefined}
      max={descriptor.options.endDate ? `${descriptor.options.endDate}T23:59` : undefined}
    />
  );
}

export function DatetimeDisplay({ descriptor, text }: TypedDisplayProps<"datetime">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
