/**
 * The PDF preview of one attestation (`/admin/procedures/:id/attestations/:kind/apercu?dossier=`):
 * the saved (or default) template drawn with a sample dossier (`exemple`) or one of the démarche's
 * dossiers of that decision. Another administrateur, or a dossier elsewhere: 404.
 */
import { isAttestationTemplateKind } from "../../../common/attestations";
import { translate } from "../../../common/i18n";
import { attestationPdfOptions, drawAttestation } from "../../../server/documents/attestation-pdf";
import { PDF_CONTENT_TYPE, pdfBytes } from "../../../server/documents/pdf";
import { storageFor } from "../../../server/integrations/storage";
import { previewAttestation } from "../../../server/queries/admin/attestation-templates";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { notFound, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/attestation-preview";
import { demarcheIdOf } from "./admin.server";

export const handle = { i18n: ["attestations"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  const { locale } = requestState(context);
  const kind = params.kind;
  if (!isAttestationTemplateKind(kind)) notFound();
  const wanted = new URL(request.url).searchParams.get("dossier") ?? "exemple";
  if (wanted !== "exemple" && !/^[1-9]\d{0,9}$/.test(wanted)) notFound();
  const document = await previewAttestation(
    db,
    storageFor(config),
    {
      administrateurId: admin.administrateurId,
      demarcheId: demarcheIdOf(params),
      kind,
      dossierId: wanted === "exemple" ? null : Number(wanted),
    },
    { locale, appUrl: config.appUrl, now: new Date() },
  );
  const bytes = await pdfBytes((doc) => drawAttestation(doc, document, locale), {
    ...attestationPdfOptions(document, locale),
    title: translate(locale, "attestations.pdf.preview", { name: document.text.title }),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": PDF_CONTENT_TYPE,
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
