/** `titre_identite` (« Titre d’identité »): a JPEG or PNG photo or scan of an identity document, 20 MB at most. */
import { titreIdentiteAcceptedFiles } from "../../../../server/domain/files/formats";
import { useT } from "../../../lib/i18n";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { FileInputField, FileListDisplay, useAcceptedHint } from "./file-field";

export function TitreIdentiteInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"titre_identite">) {
  const t = useT();
  const accepted = titreIdentiteAcceptedFiles();
  const hint = `${t("fichiers.hint.titreIdentite")} ${useAcceptedHint(accepted, null)}`;
  return (
    <FileInputField
      libelle={descriptor.libelle}
      description={descriptor.description}
      mandatory={descriptor.mandatory}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      accepted={accepted}
      hint={hint}
      multiple={false}
    />
  );
}

export function TitreIdentiteDisplay({ descriptor, value }: TypedDisplayProps<"titre_identite">) {
  return <FileListDisplay libelle={descriptor.libelle} files={value} />;
}
