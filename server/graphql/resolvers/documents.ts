/**
 * `Dossier.pdf`: a link to the dossier's PDF (generated when followed, `server/http/documents/`),
 * signed for one hour as the files' links: the token's scope already covers the dossier.
 */
import { translate } from "../../../common/i18n";
import { signedDossierPdfUrl } from "../../http/documents/signed-document-url";
import type { GraphqlContext } from "./context";
import type { GeneratedFile } from "./file-champs";

export function dossierPdfFile(dossierId: number, ctx: GraphqlContext): GeneratedFile | null {
  if (!ctx.fileLinks) return null;
  return {
    generated: true,
    filename: translate("fr", "documents.dossier.filename", { n: dossierId }),
    contentType: "application/pdf",
    createdAt: new Date(),
    url: signedDossierPdfUrl(ctx.fileLinks, dossierId).url,
  };
}
