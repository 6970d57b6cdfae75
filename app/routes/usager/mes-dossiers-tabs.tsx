/** The tabs of « Mes dossiers »: my dossiers, the dossiers shared with me (« Invité »), transfers, « Supprimés récemment ». */
import { SectionTabs } from "../../components/dsfr/section-tabs";
import { useT } from "../../lib/i18n";

export function MesDossiersTabs({ current }: { current: "mine" | "invites" | "transferts" | "supprimes" }) {
  const t = useT();
  return (
    <SectionTabs
      label={t("usager.partage.mesDossiersTabs.label")}
      current={current}
      tabs={[
        { key: "mine", href: "/dossiers", label: t("usager.partage.mesDossiersTabs.mine") },
        { key: "invites", href: "/dossiers/invites", label: t("usager.partage.mesDossiersTabs.invites") },
        { key: "transferts", href: "/dossiers/transferts", label: t("usager.partage.mesDossiersTabs.transferts") },
        { key: "supprimes", href: "/dossiers/supprimes", label: t("usager.partage.mesDossiersTabs.supprimes") },
      ]}
    />
  );
}
