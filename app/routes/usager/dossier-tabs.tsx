/** The sections of the usager's dossier (the dossier, its messagerie) and the correction banner. */
import type { TranslationKey } from "../../../common/i18n";
import { SectionTabs } from "../../components/dsfr/section-tabs";
import { useT } from "../../lib/i18n";

export const USAGER_DOSSIER_TABS: readonly { key: string; path: string; label: TranslationKey }[] = [
  { key: "dossier", path: "", label: "messagerie.tabs.dossier" },
  { key: "messagerie", path: "/messagerie", label: "messagerie.tabs.messagerie" },
  { key: "partage", path: "/partage", label: "usager.partage.tab" },
];

export function UsagerDossierTabs({ dossierId, current }: { dossierId: number; current: string }) {
  const t = useT();
  const tabs = USAGER_DOSSIER_TABS.map((tab) => ({
    key: tab.key,
    href: `/dossiers/${dossierId}${tab.path}`,
    label: t(tab.label),
  }));
  return <SectionTabs label={t("messagerie.tabs.label")} tabs={tabs} current={current} />;
}

/** « Correction demandée »: what to do, and the link to the message (on the dossier page). */
export function CorrectionBanner({ dossierId, onMessagerie = false }: { dossierId: number; onMessagerie?: boolean }) {
  const t = useT();
  return (
    <div className="fr-alert fr-alert--warning fr-mb-3w" id="correction-demandee">
      <h2 className="fr-alert__title">{t("messagerie.correction.bannerTitle")}</h2>
      <p>{t("messagerie.correction.bannerUsager")}</p>
      {onMessagerie ? null : (
        <p>
          <a className="fr-link" href={`/dossiers/${dossierId}/messagerie`}>
            {t("messagerie.correction.bannerRead")}
          </a>
        </p>
      )}
    </div>
  );
}
