/** The expert's sections of an avis: the avis itself and, when they may write there, the messagerie. */
import { SectionTabs } from "../../components/dsfr/section-tabs";
import { useT } from "../../lib/i18n";

export function ExpertAvisTabs({ avisId, current }: { avisId: number; current: "avis" | "messagerie" }) {
  const t = useT();
  const tabs = [
    { key: "avis", href: `/avis/${avisId}`, label: t("avis.expert.tabs.avis") },
    { key: "messagerie", href: `/avis/${avisId}/messagerie`, label: t("avis.expert.tabs.messagerie") },
  ];
  return <SectionTabs label={t("avis.expert.tabs.label")} tabs={tabs} current={current} />;
}
