/** `yes_no` (« Oui/Non »): two inline radios sending "true" / "false". */
import { useT } from "../../../lib/i18n";
import { RadioFieldset } from "../choice-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function YesNoInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"yes_no">) {
  const t = useT();
  return (
    <RadioFieldset
      ids={ids}
      libelle={descriptor.libelle}
      description={descriptor.description}
      mandatory={descriptor.mandatory}
      errorMessage={errorMessage}
      inline
      checked={value}
      choices={[
        { value: "true", label: t("champs.yesNo.true") },
        { value: "false", label: t("champs.yesNo.false"), id: `${ids.input}-false` },
      ]}
    />
  );
}

export function YesNoDisplay({ descriptor, text }: TypedDisplayProps<"yes_no">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
