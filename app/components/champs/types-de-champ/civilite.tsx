/** `civilite` (« Civilité »): two inline radios sending "M." / "Mme". */
import { useT } from "../../../lib/i18n";
import { RadioFieldset } from "../choice-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function CiviliteInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"civilite">) {
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
        { value: "M.", label: t("champs.civilite.monsieur") },
        { value: "Mme", label: t("champs.civilite.madame"), id: `${ids.input}-mme` },
      ]}
    />
  );
}

export function CiviliteDisplay({ descriptor, text }: TypedDisplayProps<"civilite">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} />;
}
