/**
 * `titre_identite` (« Titre d’identité »): a photo or scan of an identity document, JPEG or PNG
 * only, 20 MB at most. Same value and rules as `piece_justificative` (a list of files written only
 * by the upload endpoints), without options.
 */
import { z } from "zod";
import { titreIdentiteAcceptedFiles } from "../../files/formats";
import type { TypeDeChampDefinition } from "../definition";
import { FILE_LIST_FACETS, type FileListValue, validateFileList } from "./piece_justificative";

export const titreIdentiteOptionsSchema = z.object({});
export type TitreIdentiteOptions = z.infer<typeof titreIdentiteOptionsSchema>;

export { titreIdentiteAcceptedFiles };

export const titreIdentite: TypeDeChampDefinition<TitreIdentiteOptions, FileListValue, "titre_identite"> = {
  type: "titre_identite",
  category: "pieces_jointes",
  optionsSchema: titreIdentiteOptionsSchema,
  defaultOptions: () => ({}),
  ...FILE_LIST_FACETS,
  validateForSubmit: (value, descriptor) => validateFileList(value, descriptor, titreIdentiteAcceptedFiles().formats),
  graphqlTypename: "TitreIdentiteChamp",
  graphqlDescriptorTypename: "TitreIdentiteChampDescriptor",
};
