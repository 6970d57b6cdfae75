/**
 * The input shared by the types answered with one of two inline radios (`yes_no`, `civilite`):
 * the first radio takes the field's own id (the error summary links to it), the second its value
 * as a suffix, so each type only says which two values it sends and how they read.
 */
import type { TranslationKey } from "../../../../common/i18n";
import { useT } from "../../../lib/i18n";
import { RadioFieldset } from "../choice-parts";
import type { TypedInputProps } from "../types";

type TwoChoiceType = "yes_no" | "civilite";

/** The two values of a type and their labels; `suffix` ends the second radio's id. */
export type TwoChoices = readonly [
  { value: string; label: TranslationKey },
  { value: string; label: TranslationKey; suffix: string },
];

export function TwoChoicesInput({
  choices,
  descriptor,
  value,
  errorMessage,
  ids,
}: TypedInputProps<TwoChoiceType> & { choices: TwoChoices }) {
  const t = useT();
  const [first, second] = choices;
  return (
    <RadioFieldset
      ids={ids}
      libelle={descriptor.libelle}
      description={descriptor.description}
      mandatory={descriptor.mandatory}
      errorMessage={errorMessage}
      inline
      // Both types store one of their two values as a string.
      checked={value as string | null}
      choices={[
        { value: first.value, label: t(first.label) },
        { value: second.value, label: t(second.label), id: `${ids.input}-${second.suffix}` },
      ]}
    />
  );
}
