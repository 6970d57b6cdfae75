/**
 * `decimal_number` (« Nombre décimal »): a text input with the decimal keyboard (not
 * `type="number"`, which refuses the French comma in some browsers and loses what was typed).
 */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { joinHints, useNumberRulesHint } from "../rule-hints";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function DecimalNumberInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"decimal_number">) {
  const t = useT();
  const rules = useNumberRulesHint(descriptor.options, t("usager.champ.decimalSeparator"));
  return (
    <TextLikeInput
      descriptor={descriptor}
      // Stored with a dot; the French user sees a comma.
      value={value === null ? null : t("usager.champ.decimalSeparator") === "," ? value.replace(".", ",") : value}
      errorMessage={errorMessage}
      ids={ids}
      inputMode="decimal"
      autoComplete="off"
      formatHint={joinHints(t("usager.champ.formats.decimal"), rules)}
    />
  );
}

export function DecimalNumberDisplay({ descriptor, text }: TypedDisplayProps<"decimal_number">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
