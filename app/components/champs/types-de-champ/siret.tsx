/** `siret` (« Numéro SIRET »): a text input with the numeric keyboard; spaces may be typed. */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function SiretInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"siret">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      inputMode="numeric"
      autoComplete="off"
      formatHint={t("usager.champ.formats.siret")}
    />
  );
}

export function SiretDisplay({ descriptor, text }: TypedDisplayProps<"siret">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
