/**
 * The tabs between the pages of one dossier for an instructeur (the dossier itself, its messagerie,
 * its avis externes with their count): plain links, the current one marked, a short badge where
 * something is new. A capability with its own page about the dossier adds an entry to `DOSSIER_TABS`.
 */
import type { TranslationKey } from "../../../common/i18n";
import { useT, useTn } from "../../lib/i18n";

export type DossierTabId = "dossier" | "messagerie" | "avis";

export interface DossierTab {
  id: DossierTabId;
  /** Appended to `/procedures/:p/dossiers/:d`. */
  path: string;
  label: TranslationKey;
  /** A label with the tab's count (`_one` / `_other`), when the page gives one. */
  countLabel?: "avis.tabCount";
}

export const DOSSIER_TABS: readonly DossierTab[] = [
  { id: "dossier", path: "", label: "avis.dossierTab" },
  { id: "messagerie", path: "/messagerie", label: "messagerie.tabs.messagerie" },
  { id: "avis", path: "/avis", label: "avis.tab", countLabel: "avis.tabCount" },
];

export function DossierTabs({
  demarcheId,
  dossierId,
  current,
  counts = {},
  badges = {},
}: {
  demarcheId: number;
  dossierId: number;
  current: DossierTabId;
  counts?: Partial<Record<DossierTabId, number>>;
  /** A short text after a tab's label (« nouveau »), by tab. */
  badges?: Partial<Record<DossierTabId, string>>;
}) {
  const t = useT();
  const tn = useTn();
  const base = `/procedures/${demarcheId}/dossiers/${dossierId}`;
  return (
    <nav className="fr-tabs fr-mb-3w" aria-label={t("avis.tabsLabel")}>
      <ul className="fr-tabs__list">
        {DOSSIER_TABS.map((tab) => {
          const count = counts[tab.id];
          const label = tab.countLabel && count !== undefined ? tn(tab.countLabel, count, { count }) : t(tab.label);
          const badge = badges[tab.id];
          return (
            <li key={tab.id}>
              <a className="fr-tabs__tab" href={`${base}${tab.path}`} aria-current={tab.id === current ? "page" : undefined}>
                {label}
                {badge ? <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">{badge}</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
