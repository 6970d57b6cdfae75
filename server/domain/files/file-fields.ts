/**
 * The file types de champ and what each accepts, for the upload pipeline and the input components.
 * A field of another type accepts no file (null).
 */
import type { ChampDescriptor } from "../champs/definition";
import { resolveOptions } from "../champs/registry";
import { type PieceJustificativeOptions, pieceJustificativeAcceptedFiles } from "../champs/types/piece_justificative";
import { titreIdentiteAcceptedFiles } from "../champs/types/titre_identite";
import { type AcceptedFiles, NOTICE_MAX_BYTES, PIECE_JUSTIFICATIVE_MAX_BYTES, formatsOfFamilies } from "./formats";

export const FILE_TYPES_CHAMP = ["piece_justificative", "titre_identite"] as const;
export type FileTypeChamp = (typeof FILE_TYPES_CHAMP)[number];

export function isFileTypeChamp(type: string): type is FileTypeChamp {
  return (FILE_TYPES_CHAMP as readonly string[]).includes(type);
}

/**
 * Formats and size limit of a file field; `maxBytesCap` is the platform's limit (`UPLOAD_MAX_BYTES`),
 * which may be lower than the type's. Options the schema refuses count as "no restriction of families".
 */
export function acceptedFilesOf(
  descriptor: Pick<ChampDescriptor, "type" | "options">,
  maxBytesCap = Number.POSITIVE_INFINITY,
): AcceptedFiles | null {
  if (!isFileTypeChamp(descriptor.type)) return null;
  let accepted: AcceptedFiles;
  if (descriptor.type === "titre_identite") {
    accepted = titreIdentiteAcceptedFiles();
  } else {
    const resolved = resolveOptions(descriptor);
    accepted = pieceJustificativeAcceptedFiles(resolved.ok ? (resolved.options as PieceJustificativeOptions) : {});
  }
  return { ...accepted, maxBytes: Math.min(accepted.maxBytes, maxBytesCap) };
}

/**
 * What the administrateur may attach to a field definition: any known format up to 200 MB for the
 * model of a piece justificative, documents, presentations and images up to 20 MB for the notice
 * of an explication (the reference's limits). Null for other types.
 */
export function templateAcceptedFiles(type: string, maxBytesCap = Number.POSITIVE_INFINITY): AcceptedFiles | null {
  const accepted: AcceptedFiles | null =
    type === "piece_justificative"
      ? { formats: formatsOfFamilies(undefined), maxBytes: PIECE_JUSTIFICATIVE_MAX_BYTES }
      : type === "explication"
        ? { formats: formatsOfFamilies(["document_texte", "presentation", "image_scan"]), maxBytes: NOTICE_MAX_BYTES }
        : null;
  return accepted && { ...accepted, maxBytes: Math.min(accepted.maxBytes, maxBytesCap) };
}
