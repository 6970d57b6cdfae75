/** `phone` (« Téléphone »): a text input with the phone keyboard; stored normalised, shown grouped by two. */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function PhoneInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"phone">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      formatHint={t("usager.champ.formats.phone")}
    />
  );
}

export function PhoneDisplay({ descriptor, text }: TypedDisplayProps<"phone">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
