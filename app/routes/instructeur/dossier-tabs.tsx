/**
 * The sections of an instructeur's dossier (one page each): the dossier itself, its messagerie,
 * later its avis. A new section adds one entry to DOSSIER_TABS.
 */
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";

export interface DossierTab {
  key: string;
  /** After `/procedures/:id/dossiers/:dossierId`. */
  path: string;
  label: TranslationKey;
}

export const DOSSIER_TABS: readonly DossierTab[] = [
  { key: "dossier", path: "", label: "messagerie.tabs.dossier" },
  { key: "messagerie", path: "/messagerie", label: "messagerie.tabs.messagerie" },
];

export function DossierTabs({
  demarcheId,
  dossierId,
  current,
  badges = {},
}: {
  demarcheId: number;
  dossierId: number;
  current: string;
  /** A short text after a tab's label (a count, « nouveau »), by tab key. */
  badges?: Record<string, string>;
}) {
  const t = useT();
  return (
    <nav aria-label={t("messagerie.tabs.label")} className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {DOSSIER_TABS.map((tab) => (
          <li key={tab.key}>
            <a
              className={`fr-btn${tab.key === current ? "" : " fr-btn--secondary"}`}
              href={`/procedures/${demarcheId}/dossiers/${dossierId}${tab.path}`}
              aria-current={tab.key === current ? "page" : undefined}
            >
              {t(tab.label)}
              {badges[tab.key] ? <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">{badges[tab.key]}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
