/** `iban` (« IBAN »): a text input; spaces may be typed, the value is stored without them and shown by groups of 4. */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function IbanInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"iban">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      autoComplete="off"
      spellCheck={false}
      formatHint={t("usager.champ.formats.iban")}
    />
  );
}

export function IbanDisplay({ descriptor, text }: TypedDisplayProps<"iban">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
