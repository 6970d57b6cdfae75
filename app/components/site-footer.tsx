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
        { text: t("legal.footer.mentions"), linkProps: { href: "/mentions-legales" } },
        { text: t("legal.footer.donnees"), linkProps: { href: "/donnees-personnelles" } },
        { text: t("legal.footer.cgu"), linkProps: { href: "/cgu" } },
        { text: t("legal.footer.contact"), linkProps: { href: "/contact" } },
      ]}
    />
  );
}
