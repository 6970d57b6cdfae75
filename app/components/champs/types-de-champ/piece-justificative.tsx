/** `piece_justificative` (« Pièce justificative »): several files, formats of the chosen families, a model to download. */
import { FORMAT_FAMILIES, type FormatFamily, pieceJustificativeAcceptedFiles } from "../../../../server/domain/files/formats";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { FileInputField, FileListDisplay, useAcceptedHint } from "./file-field";

export function PieceJustificativeInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"piece_justificative">) {
  const accepted = pieceJustificativeAcceptedFiles(descriptor.options);
  const families = descriptor.options.formatFamilies;
  // Chosen families are listed by their formats; with none, by the family names (the list is long).
  const hint = useAcceptedHint(accepted, families && families.length > 0 ? null : familiesOfEverything);
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
      multiple
      template={descriptor.options.template}
    />
  );
}

const familiesOfEverything: readonly FormatFamily[] = FORMAT_FAMILIES;

export function PieceJustificativeDisplay({ descriptor, value }: TypedDisplayProps<"piece_justificative">) {
  return <FileListDisplay libelle={descriptor.libelle} files={value} />;
}
