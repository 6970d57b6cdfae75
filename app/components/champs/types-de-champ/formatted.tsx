/**
 * `formatted` (« Texte formaté »): one line, with the administrateur's rules stated under the label
 * (accepted characters and length, or the help text and example of the advanced mode) and a
 * maximum length the browser enforces.
 */
import type { FormattedOptions } from "../../../../server/domain/champs/types/formatted";
import { FORMATTED_MAX_LENGTH } from "../../../../server/domain/champs/types/plain";
import type { TFunction } from "../../../../common/i18n";
import { useT } from "../../../lib/i18n";
import { DisplayItem } from "../display-parts";
import { joinHints } from "../rule-hints";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

const KINDS = {
  "111": "champs.formatted.lettersDigitsSpecial",
  "110": "champs.formatted.lettersDigits",
  "101": "champs.formatted.lettersSpecial",
  "011": "champs.formatted.digitsSpecial",
  "100": "champs.formatted.letters",
  "010": "champs.formatted.digits",
  "001": "champs.formatted.special",
} as const;

/** What the usager is told about the rules. */
export function formattedHint(options: FormattedOptions, t: TFunction): string | undefined {
  if (options.mode === "advanced") {
    const example = options.expressionReguliereExempleText;
    return joinHints(options.expressionReguliereIndications, example ? t("champs.formatted.example", { example }) : null);
  }
  const flags = [options.lettersAccepted, options.numbersAccepted, options.specialCharactersAccepted]
    .map((on) => (on ? "1" : "0"))
    .join("") as keyof typeof KINDS | "000";
  const kinds = flags === "000" ? null : t(KINDS[flags]);
  const { minCharacterLength: min, maxCharacterLength: max } = options;
  const length =
    min !== undefined && max !== undefined
      ? t("champs.formatted.length", { min, max })
      : min !== undefined
        ? t("champs.formatted.minLength", { min })
        : max !== undefined
          ? t("champs.formatted.maxLength", { max })
          : null;
  return joinHints(flags === "111" && length !== null ? null : kinds, length);
}

export function FormattedInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"formatted">) {
  const t = useT();
  const { options } = descriptor;
  const max =
    options.mode === "simple" && options.maxCharacterLength !== undefined ? options.maxCharacterLength : FORMATTED_MAX_LENGTH;
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      autoComplete="off"
      spellCheck={false}
      // A longer value typed before the rules changed stays visible (and is reported at submission).
      maxLength={Math.max(max, value?.length ?? 0)}
      formatHint={formattedHint(options, t)}
    />
  );
}

export function FormattedDisplay({ descriptor, text }: TypedDisplayProps<"formatted">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
