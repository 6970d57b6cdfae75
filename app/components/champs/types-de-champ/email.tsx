/**
 * `email` (« Adresse électronique »). A text input with the e-mail keyboard rather than
 * `type="email"`: the browser's own check would block saving a draft, the server checks at submission.
 */
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function EmailInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"email">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      inputMode="email"
      autoComplete="email"
      spellCheck={false}
      formatHint={t("usager.champ.formats.email")}
    />
  );
}

export function EmailDisplay({ descriptor, text }: TypedDisplayProps<"email">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
