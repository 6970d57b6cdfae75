/**
 * `Dossier.pdf`: a link to the dossier's PDF (generated when followed, `server/http/documents/`),
 * signed for one hour as the files' links: the token's scope already covers the dossier.
 */
import { translate } from "../../../common/i18n";
import { findDossierAttestation } from "../../lookups/attestation-templates";
import { signedAttestationUrl, signedDossierPdfUrl } from "../../http/documents/signed-document-url";
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

/** `Dossier.attestation`: the stored attestation (null when none), through a signed one-hour link. */
export async function dossierAttestationFile(dossierId: number, ctx: GraphqlContext): Promise<GeneratedFile | null> {
  if (!ctx.fileLinks) return null;
  const attestation = await findDossierAttestation(ctx.db, dossierId);
  if (!attestation) return null;
  return {
    generated: true,
    filename: translate("fr", "attestations.pdf.filename", { n: dossierId }),
    contentType: "application/pdf",
    createdAt: attestation.createdAt,
    byteSize: attestation.byteSize,
    checksum: attestation.checksum,
    url: signedAttestationUrl(ctx.fileLinks, dossierId).url,
  };
}
