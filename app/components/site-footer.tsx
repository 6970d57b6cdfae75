import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { useT } from "../lib/i18n";

export function SiteFooter() {
  const t = useT();
  return (
    <Footer
      accessibility="partially compliant"
      contentDescription={t("common.footer.description")}
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      homeLinkProps={{ href: "/", title: t("common.homeTitle") }}
      accessibilityLinkProps={{ href: "/accessibilite" }}
      bottomItems={[
        { text: t("common.footer.mentions"), linkProps: { href: "/mentions-legales" } },
        { text: t("common.footer.donnees"), linkProps: { href: "/donnees-personnelles" } },
        { text: t("common.footer.cgu"), linkProps: { href: "/cgu" } },
        { text: t("common.footer.contact"), linkProps: { href: "/contact" } },
      ]}
    />
  );
}
