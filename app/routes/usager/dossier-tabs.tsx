/** The sections of the usager's dossier (the dossier, its messagerie) and the correction banner. */
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";

export const USAGER_DOSSIER_TABS: readonly { key: string; path: string; label: TranslationKey }[] = [
  { key: "dossier", path: "", label: "messagerie.tabs.dossier" },
  { key: "messagerie", path: "/messagerie", label: "messagerie.tabs.messagerie" },
];

export function UsagerDossierTabs({ dossierId, current }: { dossierId: number; current: string }) {
  const t = useT();
  return (
    <nav aria-label={t("messagerie.tabs.label")} className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {USAGER_DOSSIER_TABS.map((tab) => (
          <li key={tab.key}>
            <a
              className={`fr-btn${tab.key === current ? "" : " fr-btn--secondary"}`}
              href={`/dossiers/${dossierId}${tab.path}`}
              aria-current={tab.key === current ? "page" : undefined}
            >
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
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
