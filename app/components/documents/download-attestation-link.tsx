/**
 * « Attestation »: the DSFR download link to the dossier's attestation PDF (stored when the
 * dossier was accepted or refused, `server/http/documents/attestation-download.ts`). The route
 * must declare the `attestations` namespace.
 */
import { useT } from "../../lib/i18n";

export function DownloadAttestationLink({ href }: { href: string }) {
  const t = useT();
  return (
    <p className="fr-mb-3w">
      <a className="fr-link fr-link--download" download href={href} data-testid="telecharger-attestation">
        {t("attestations.download")} <span className="fr-link__detail">{t("attestations.linkDetail")}</span>
      </a>
    </p>
  );
}
